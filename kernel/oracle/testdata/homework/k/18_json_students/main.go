// Homework 18: JSON encoding/decoding of student records with struct tags.
package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"sort"
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
	Grades   []Grade           `json:"grades"`
	Tags     map[string]string `json:"tags,omitempty"`
	password string            // unexported: never serialized
}

func (s Student) Average() float64 {
	if len(s.Grades) == 0 {
		return 0
	}
	var t float64
	for _, g := range s.Grades {
		t += g.Score
	}
	return t / float64(len(s.Grades))
}

type Summary struct {
	Count   int                `json:"count"`
	Best    string             `json:"best"`
	Average map[string]float64 `json:"average_by_student"`
}

const input = `[
  {"id": 1, "name": "Mia", "email": "mia@uni.edu",
   "grades": [{"course": "Go", "score": 91}, {"course": "DB", "score": 84}]},
  {"id": 2, "name": "Noah", "grades": [{"course": "Go", "score": 77.5}],
   "tags": {"year": "2", "club": "chess"}},
  {"id": 3, "name": "Olu", "grades": [{"course": "Go", "score": 88}, {"course": "OS", "score": 95}, {"course": "DB", "score": 79}]}
]`

func main() {
	var students []Student
	if err := json.Unmarshal([]byte(input), &students); err != nil {
		fmt.Println("decode error:", err)
		return
	}
	fmt.Printf("decoded %d students\n", len(students))
	students[0].password = "hunter2"

	sort.Slice(students, func(i, j int) bool { return students[i].Average() > students[j].Average() })
	sum := Summary{Count: len(students), Best: students[0].Name, Average: map[string]float64{}}
	for _, s := range students {
		fmt.Printf("  %-5s avg=%6.2f courses=%d\n", s.Name, s.Average(), len(s.Grades))
		sum.Average[s.Name] = s.Average()
	}

	out, err := json.MarshalIndent(sum, "", "  ")
	if err != nil {
		panic(err)
	}
	fmt.Println(string(out)) // map keys are sorted by encoding/json

	compact, _ := json.Marshal(students[len(students)-1])
	fmt.Println("compact:", string(compact))
	fmt.Println("password leaked?", strings.Contains(string(compact), "hunter2"))

	bad := []string{`{"id": "seven"}`, `{"id": 4, "name": "Pat"`, `{"id": 5, "name": "Quin", "grades": null}`}
	for _, b := range bad {
		var s Student
		err := json.Unmarshal([]byte(b), &s)
		var typeErr *json.UnmarshalTypeError
		var synErr *json.SyntaxError
		switch {
		case errors.As(err, &typeErr):
			fmt.Printf("type error: field %q wants %v, got %s\n", typeErr.Field, typeErr.Type, typeErr.Value)
		case errors.As(err, &synErr):
			fmt.Printf("syntax error at offset %d: %v\n", synErr.Offset, err)
		case err != nil:
			fmt.Println("other error:", err)
		default:
			fmt.Printf("ok: %+v\n", s)
		}
	}
}
