// Week 12 final: course schedule planner with time.Time and time.Duration
// (never uses time.Now so the output is reproducible)
package main

import (
	"fmt"
	"sort"
	"strings"
	"time"
)

type Session struct {
	Title    string
	Start    time.Time
	Duration time.Duration
	Room     string
}

func (s Session) End() time.Time { return s.Start.Add(s.Duration) }

func (s Session) String() string {
	return fmt.Sprintf("%-18s %s %s-%s (%v) in %s",
		s.Title, s.Start.Format("Mon Jan _2"), s.Start.Format("15:04"), s.End().Format("15:04"), s.Duration, s.Room)
}

func (s Session) Overlaps(o Session) bool {
	return s.Room == o.Room && s.Start.Before(o.End()) && o.Start.Before(s.End())
}

var termStart = time.Date(2024, time.January, 15, 9, 0, 0, 0, time.UTC)

const lectureLen = 90 * time.Minute

func main() {
	fmt.Println("term starts:", termStart.Format(time.RFC1123))
	fmt.Println("weekday:", termStart.Weekday(), "yearday:", termStart.YearDay())
	_, week := termStart.ISOWeek()
	fmt.Println("ISO week:", week)

	var sessions []Session
	for w := range 12 {
		lec := termStart.AddDate(0, 0, 7*w)
		sessions = append(sessions, Session{fmt.Sprintf("Lecture %02d", w+1), lec, lectureLen, "A101"})
		if w%4 == 3 {
			quiz := lec.AddDate(0, 0, 2).Add(4*time.Hour + 30*time.Minute)
			sessions = append(sessions, Session{fmt.Sprintf("Quiz %d", w/4+1), quiz, 45 * time.Minute, "B7"})
		}
	}
	sessions = append(sessions, Session{"Guest talk", termStart.AddDate(0, 0, 14).Add(time.Hour), time.Hour, "A101"})
	sort.Slice(sessions, func(i, j int) bool { return sessions[i].Start.Before(sessions[j].Start) })
	for _, s := range sessions[:6] {
		fmt.Println(s)
	}
	fmt.Println("...", len(sessions), "sessions total")

	// conflicts
	for i := 0; i < len(sessions); i++ {
		for j := i + 1; j < len(sessions); j++ {
			if sessions[i].Overlaps(sessions[j]) {
				ov := sessions[i].End().Sub(sessions[j].Start)
				fmt.Printf("CONFLICT: %q and %q overlap by %v\n", sessions[i].Title, sessions[j].Title, ov)
			}
		}
	}

	var total time.Duration
	byRoom := map[string]time.Duration{}
	for _, s := range sessions {
		total += s.Duration
		byRoom[s.Room] += s.Duration
	}
	fmt.Printf("total contact time: %v (%.1f hours, %d minutes)\n", total, total.Hours(), int(total.Minutes()))
	rooms := make([]string, 0, len(byRoom))
	for r := range byRoom {
		rooms = append(rooms, r)
	}
	sort.Strings(rooms)
	for _, r := range rooms {
		fmt.Printf("  %-5s %v\n", r, byRoom[r])
	}

	last := sessions[len(sessions)-1]
	span := last.End().Sub(termStart)
	fmt.Println("term span:", span, "=", int(span.Hours()/24), "days")
	fmt.Println("final session:", last.Start.Format("2006-01-02T15:04:05Z07:00"))

	// durations
	d := 3*time.Hour + 25*time.Minute + 45*time.Second + 500*time.Millisecond
	fmt.Println(d, d.Round(time.Minute), d.Truncate(time.Hour), d.Seconds())
	pd, err := time.ParseDuration("1h15m30.5s")
	fmt.Println(pd, err, pd.Milliseconds())
	_, err = time.ParseDuration("5 minutes")
	fmt.Println("bad duration:", err)
	fmt.Println(time.Duration(1500)*time.Microsecond, time.Duration(0), -90*time.Second, 36*time.Hour)

	// parsing and formatting
	due, err := time.Parse("2006-01-02 15:04", "2024-03-01 23:59")
	if err != nil {
		panic(err)
	}
	fmt.Println("due:", due.Format("Monday, 02 January 2006 at 3:04PM"))
	submitted := due.Add(-26*time.Hour - 15*time.Minute)
	fmt.Println("submitted", due.Sub(submitted), "early; before due?", submitted.Before(due))
	late := due.Add(90 * time.Minute)
	fmt.Println("late by", late.Sub(due), "after?", late.After(due), "equal?", due.Equal(due.UTC()))

	tz := time.FixedZone("EST", -5*3600)
	fmt.Println("in EST:", termStart.In(tz).Format("2006-01-02 15:04 MST"))
	leap := time.Date(2024, 2, 28, 0, 0, 0, 0, time.UTC).AddDate(0, 0, 1)
	fmt.Println("day after Feb 28 2024:", leap.Format("Jan 2"), "| normalized:", time.Date(2023, 14, 35, 0, 0, 0, 0, time.UTC).Format(time.DateOnly))
	fmt.Println("unix:", termStart.Unix(), "trunc to day:", termStart.Add(5*time.Hour).Truncate(24*time.Hour).Format(time.DateTime))

	// calendar of first month
	fmt.Println("January 2024")
	fmt.Println("Mo Tu We Th Fr Sa Su")
	first := time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)
	offset := (int(first.Weekday()) + 6) % 7
	var sb strings.Builder
	sb.WriteString(strings.Repeat("   ", offset))
	for day := first; day.Month() == time.January; day = day.AddDate(0, 0, 1) {
		fmt.Fprintf(&sb, "%2d ", day.Day())
		if day.Weekday() == time.Sunday {
			fmt.Println(strings.TrimRight(sb.String(), " "))
			sb.Reset()
		}
	}
	if sb.Len() > 0 {
		fmt.Println(strings.TrimRight(sb.String(), " "))
	}
}
