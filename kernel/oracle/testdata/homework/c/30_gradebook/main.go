package main

import (
	"errors"
	"fmt"
	"sort"
	"strings"
)

type Grade struct {
	Course string
	Score  float64
}

type Student struct {
	Name   string
	Grades []Grade
}

type Gradebook map[int]*Student

var ErrNoGrades = errors.New("no grades")

type ScoreError struct{ Score float64 }

func (e *ScoreError) Error() string { return fmt.Sprintf("score %.1f out of range", e.Score) }

func (gb Gradebook) Record(id int, course string, score float64) error {
	s, ok := gb[id]
	if !ok {
		return fmt.Errorf("student %d: not enrolled", id)
	}
	if score < 0 || score > 100 {
		return fmt.Errorf("record %s for %s: %w", course, s.Name, &ScoreError{score})
	}
	s.Grades = append(s.Grades, Grade{course, score})
	return nil
}

func (s *Student) Average() (float64, error) {
	if len(s.Grades) == 0 {
		return 0, fmt.Errorf("%s: %w", s.Name, ErrNoGrades)
	}
	sum := 0.0
	for _, g := range s.Grades {
		sum += g.Score
	}
	return sum / float64(len(s.Grades)), nil
}

func letter(avg float64) string {
	for i, cut := range []float64{90, 80, 70, 60} {
		if avg >= cut {
			return string(rune('A' + i))
		}
	}
	return "F"
}

func main() {
	gb := Gradebook{}
	for i, n := range []string{"Ana", "Ben", "Cy", "Dora"} {
		gb[100+i] = &Student{Name: n}
	}
	entries := []struct {
		id     int
		course string
		score  float64
	}{
		{100, "math", 95}, {100, "cs", 88.5}, {101, "math", 72}, {101, "cs", 105}, {101, "cs", 64}, {102, "math", 91},
		{102, "cs", 99}, {104, "math", 50}, {100, "art", -3}, {102, "art", 80}, {101, "art", 70.5},
	}
	for _, e := range entries {
		if err := gb.Record(e.id, e.course, e.score); err != nil {
			if se := (*ScoreError)(nil); errors.As(err, &se) {
				fmt.Printf("rejected (%.0f): %v\n", se.Score, err)
			} else {
				fmt.Println("error:", err)
			}
		}
	}
	ids := make([]int, 0, len(gb))
	for id := range gb {
		ids = append(ids, id)
	}
	sort.Ints(ids)
	fmt.Printf("%-4s %-6s %-7s %s\n", "ID", "Name", "Avg", "Grade")
	for _, id := range ids {
		s := gb[id]
		avg, err := s.Average()
		if errors.Is(err, ErrNoGrades) {
			fmt.Printf("%-4d %-6s %-7s %s (%v)\n", id, s.Name, "-", "I", err)
			continue
		}
		fmt.Printf("%-4d %-6s %7.2f %s\n", id, s.Name, avg, letter(avg))
	}
	perCourse := map[string][]float64{}
	for _, s := range gb {
		for _, g := range s.Grades {
			perCourse[g.Course] = append(perCourse[g.Course], g.Score)
		}
	}
	courses := []string{}
	for c := range perCourse {
		courses = append(courses, c)
	}
	sort.Strings(courses)
	for _, c := range courses {
		sc := perCourse[c]
		sort.Float64s(sc)
		fmt.Printf("%-5s n=%d min=%.1f max=%.1f median=%.2f %s\n", c, len(sc), sc[0], sc[len(sc)-1], median(sc), strings.Repeat("*", int(sc[len(sc)-1]/10)))
	}
}

func median(sorted []float64) float64 {
	if n := len(sorted); n%2 == 0 {
		return (sorted[n/2-1] + sorted[n/2]) / 2
	}
	return sorted[len(sorted)/2]
}
