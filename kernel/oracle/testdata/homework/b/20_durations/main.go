// time.Duration arithmetic, formatting, parsing and rounding; no wall-clock reads.
package main

import (
	"fmt"
	"time"
)

type Lap struct {
	Name string
	Dur  time.Duration
}

func formatHMS(d time.Duration) string {
	neg := d < 0
	if neg {
		d = -d
	}
	h := d / time.Hour
	d -= h * time.Hour
	m := d / time.Minute
	d -= m * time.Minute
	s := d / time.Second
	d -= s * time.Second
	ms := d / time.Millisecond
	sign := ""
	if neg {
		sign = "-"
	}
	return fmt.Sprintf("%s%02d:%02d:%02d.%03d", sign, h, m, s, ms)
}

func main() {
	laps := []Lap{
		{"warmup", 5*time.Minute + 30*time.Second},
		{"interval 1", 90 * time.Second},
		{"rest", 2 * time.Minute},
		{"interval 2", 1*time.Minute + 27*time.Second + 350*time.Millisecond},
		{"cooldown", 10 * time.Minute},
	}
	var total time.Duration
	for _, l := range laps {
		total += l.Dur
		fmt.Printf("%-11s %12v %s  cumulative %v\n", l.Name, l.Dur, formatHMS(l.Dur), total)
	}
	fmt.Println("total:", total, "=", total.Minutes(), "minutes =", total.Seconds(), "seconds")
	fmt.Println("average lap:", total/time.Duration(len(laps)))
	fmt.Println("rounded to second:", (total / 5).Round(time.Second), " truncated to minute:", total.Truncate(time.Minute))

	for _, s := range []string{"1h15m30.5s", "250ms", "-3m", "2h45m", "1.5h", "90s", "bogus"} {
		d, err := time.ParseDuration(s)
		if err != nil {
			fmt.Printf("parse %-11q error: %v\n", s, err)
			continue
		}
		fmt.Printf("parse %-11q -> %-12v hours=%.4f  hms=%s\n", s, d, d.Hours(), formatHMS(d))
	}

	// Small units and integer conversions.
	fmt.Println(time.Duration(1500), time.Duration(1500)*time.Microsecond, 3*time.Nanosecond)
	fmt.Println("ms in an hour:", time.Hour.Milliseconds(), " abs(-2s):", (-2 * time.Second).Abs())

	// Fixed timestamps (not the clock) for date arithmetic.
	start := time.Date(2024, time.February, 28, 22, 30, 0, 0, time.UTC)
	end := start.Add(laps[0].Dur * 20)
	fmt.Println("start:", start.Format(time.RFC3339), " end:", end.Format("Mon Jan 2 15:04"))
	fmt.Println("elapsed:", end.Sub(start), " leap-day crossed:", end.Day() == 29)
	fmt.Println("one month later:", start.AddDate(0, 1, 0).Format("2006-01-02"))
}
