// Homework 30: A command-driven todo manager (commands come from a script string).
package main

import (
	"bufio"
	"cmp"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
)

type Priority int

const (
	Low Priority = iota
	Medium
	High
)

func (p Priority) String() string { return [...]string{"low", "med", "HIGH"}[p] }

func ParsePriority(s string) (Priority, error) {
	switch strings.ToLower(s) {
	case "low":
		return Low, nil
	case "med", "medium":
		return Medium, nil
	case "high":
		return High, nil
	}
	return 0, fmt.Errorf("bad priority %q", s)
}

type Task struct {
	ID    int
	Title string
	Pri   Priority
	Done  bool
}

type TodoList struct {
	tasks  []*Task
	nextID int
}

var ErrNoTask = errors.New("no such task")

func (l *TodoList) find(id int) (*Task, error) {
	i := slices.IndexFunc(l.tasks, func(t *Task) bool { return t.ID == id })
	if i < 0 {
		return nil, fmt.Errorf("task #%d: %w", id, ErrNoTask)
	}
	return l.tasks[i], nil
}

func (l *TodoList) Exec(line string) (string, error) {
	cmd, rest, _ := strings.Cut(strings.TrimSpace(line), " ")
	switch cmd {
	case "add":
		priStr, title, ok := strings.Cut(rest, " ")
		if !ok {
			return "", errors.New("usage: add <priority> <title>")
		}
		p, err := ParsePriority(priStr)
		if err != nil {
			return "", err
		}
		l.nextID++
		l.tasks = append(l.tasks, &Task{ID: l.nextID, Title: title, Pri: p})
		return fmt.Sprintf("added #%d", l.nextID), nil
	case "done", "rm":
		id, err := strconv.Atoi(rest)
		if err != nil {
			return "", fmt.Errorf("%s: %w", cmd, err)
		}
		t, err := l.find(id)
		if err != nil {
			return "", err
		}
		if cmd == "done" {
			t.Done = true
			return fmt.Sprintf("completed %q", t.Title), nil
		}
		l.tasks = slices.DeleteFunc(l.tasks, func(x *Task) bool { return x.ID == id })
		return fmt.Sprintf("removed %q", t.Title), nil
	case "list":
		return l.Render(), nil
	}
	return "", fmt.Errorf("unknown command %q", cmd)
}

func (l *TodoList) Render() string {
	sorted := slices.Clone(l.tasks)
	slices.SortStableFunc(sorted, func(a, b *Task) int {
		if a.Done != b.Done {
			if a.Done {
				return 1
			}
			return -1
		}
		return cmp.Compare(b.Pri, a.Pri)
	})
	var sb strings.Builder
	for _, t := range sorted {
		box := map[bool]string{false: "[ ]", true: "[x]"}[t.Done]
		fmt.Fprintf(&sb, "    %s #%d %-4v %s\n", box, t.ID, t.Pri, t.Title)
	}
	return strings.TrimRight(sb.String(), "\n")
}

const script = `add high finish Go homework 30
add low water the plants
add med email professor about grades
add urgent fix everything
done 1
rm 2
done 9
done x
list
add med review pull request
explode
list`

func main() {
	todo := &TodoList{}
	sc := bufio.NewScanner(strings.NewReader(script))
	for n := 1; sc.Scan(); n++ {
		out, err := todo.Exec(sc.Text())
		var numErr *strconv.NumError
		switch {
		case errors.Is(err, ErrNoTask):
			fmt.Printf("%2d> %-38s not found: %v\n", n, sc.Text(), err)
		case errors.As(err, &numErr):
			fmt.Printf("%2d> %-38s bad number %q\n", n, sc.Text(), numErr.Num)
		case err != nil:
			fmt.Printf("%2d> %-38s error: %v\n", n, sc.Text(), err)
		case strings.Contains(out, "\n") || strings.HasPrefix(out, "    "):
			fmt.Printf("%2d> %s\n%s\n", n, sc.Text(), out)
		default:
			fmt.Printf("%2d> %-38s %s\n", n, sc.Text(), out)
		}
	}
}
