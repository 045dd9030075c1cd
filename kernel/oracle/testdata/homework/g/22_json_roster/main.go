// Week 9: encoding/json — struct tags, marshal, unmarshal
package main

import (
	"encoding/json"
	"fmt"
	"maps"
	"slices"
	"strings"
)

type Grade struct {
	Course string  `json:"course"`
	Score  float64 `json:"score"`
}

type Student struct {
	ID       int               `json:"id"`
	Name     string            `json:"name"`
	Email    string            `json:"email,omitempty"`
	Year     int               `json:"year"`
	Grades   []Grade           `json:"grades"`
	Active   bool              `json:"active"`
	Notes    map[string]string `json:"notes,omitempty"`
	password string
	Advisor  *string `json:"advisor"`
	Internal string  `json:"-"`
}

type Status int

const (
	Pending Status = iota
	Approved
	Rejected
)

var statusNames = []string{"pending", "approved", "rejected"}

func (s Status) MarshalJSON() ([]byte, error) {
	return json.Marshal(statusNames[s])
}

func (s *Status) UnmarshalJSON(b []byte) error {
	var str string
	if err := json.Unmarshal(b, &str); err != nil {
		return err
	}
	i := slices.Index(statusNames, str)
	if i < 0 {
		return fmt.Errorf("bad status %q", str)
	}
	*s = Status(i)
	return nil
}

type Application struct {
	Student string `json:"student"`
	Status  Status `json:"status"`
}

func (s Student) Average() float64 {
	if len(s.Grades) == 0 {
		return 0
	}
	t := 0.0
	for _, g := range s.Grades {
		t += g.Score
	}
	return t / float64(len(s.Grades))
}

const incoming = `[
  {"id": 7, "name": "Ravi", "year": 2, "active": true,
   "grades": [{"course": "go101", "score": 91.5}, {"course": "db", "score": 78}],
   "advisor": "Dr. Lee", "extra_field": 123},
  {"id": 8, "name": "Mei", "email": "mei@uni.edu", "year": 3, "active": false,
   "grades": [], "notes": {"b": "transfer", "a": "scholarship"}, "advisor": null}
]`

func main() {
	adv := "Dr. Ada"
	s := Student{ID: 1, Name: "Lena", Year: 1, Active: true, password: "hunter2", Internal: "x",
		Grades: []Grade{{"go101", 88}, {"math", 93.25}}, Advisor: &adv}
	b, err := json.Marshal(s)
	if err != nil {
		panic(err)
	}
	fmt.Println(string(b))

	empty := Student{ID: 2, Name: "Tom"}
	b, _ = json.Marshal(empty)
	fmt.Println(string(b))

	pretty, _ := json.MarshalIndent(map[string]any{
		"course": "Go for Pythonistas",
		"week":   9,
		"topics": []string{"json", "csv"},
		"ratio":  0.5,
		"nested": map[string]int{"z": 1, "a": 2},
	}, "", "  ")
	fmt.Println(string(pretty))

	var roster []Student
	if err := json.Unmarshal([]byte(incoming), &roster); err != nil {
		panic(err)
	}
	for _, st := range roster {
		adv := "<none>"
		if st.Advisor != nil {
			adv = *st.Advisor
		}
		fmt.Printf("%d %-5s y%d active=%-5t avg=%6.2f advisor=%s notes=%v\n", st.ID, st.Name, st.Year, st.Active, st.Average(), adv, st.Notes)
	}

	// generic decode
	var raw []map[string]any
	json.Unmarshal([]byte(incoming), &raw)
	for _, m := range raw {
		keys := slices.Sorted(maps.Keys(m))
		fmt.Println("keys:", strings.Join(keys, ","))
		for _, k := range []string{"id", "grades", "advisor", "active"} {
			fmt.Printf("  %s -> %T %v\n", k, m[k], m[k])
		}
	}

	apps := []Application{{"Lena", Approved}, {"Tom", Pending}}
	ab, _ := json.Marshal(apps)
	fmt.Println(string(ab))
	var back []Application
	err = json.Unmarshal([]byte(`[{"student":"X","status":"rejected"},{"student":"Y","status":"approved"}]`), &back)
	fmt.Printf("%+v %v\n", back, err)
	err = json.Unmarshal([]byte(`[{"student":"Z","status":"maybe"}]`), &back)
	fmt.Println("error:", err)

	var bad Student
	err = json.Unmarshal([]byte(`{"id": "seven"}`), &bad)
	fmt.Println("type error:", err)
	err = json.Unmarshal([]byte(`{"id": 1,}`), &bad)
	fmt.Println("syntax error:", err)

	var num any
	json.Unmarshal([]byte(`12345678901`), &num)
	fmt.Printf("%T %v %.0f\n", num, num, num)
	esc, _ := json.Marshal("<tag> & \"quotes\" é")
	fmt.Println(string(esc))
}
