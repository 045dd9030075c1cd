// Week 9 pt2: regular expressions - parse web server logs
package main

import (
	"bufio"
	"fmt"
	"regexp"
	"sort"
	"strconv"
	"strings"
)

const logData = `192.168.1.10 - - [12/Mar/2024:10:15:32 +0000] "GET /index.html HTTP/1.1" 200 5120
10.0.0.5 - alice [12/Mar/2024:10:15:40 +0000] "POST /api/login HTTP/1.1" 302 128
192.168.1.10 - - [12/Mar/2024:10:16:01 +0000] "GET /images/logo.png HTTP/1.1" 200 20480
172.16.0.2 - - [12/Mar/2024:10:17:12 +0000] "GET /admin HTTP/1.1" 403 312
this line is garbage
10.0.0.5 - alice [12/Mar/2024:10:18:55 +0000] "GET /api/items?page=2 HTTP/1.1" 200 2048
192.168.1.77 - - [12/Mar/2024:10:19:03 +0000] "DELETE /api/items/42 HTTP/1.1" 500 64
10.0.0.5 - alice [12/Mar/2024:10:20:00 +0000] "GET /missing HTTP/1.1" 404 0`

var lineRE = regexp.MustCompile(`^(\d{1,3}(?:\.\d{1,3}){3}) - (\S+) \[([^\]]+)\] "(\w+) (\S+) HTTP/[\d.]+" (\d{3}) (\d+)$`)

var (
	emailRE = regexp.MustCompile(`(?i)\b([a-z0-9._%+-]+)@([a-z0-9.-]+\.[a-z]{2,})\b`)
	dateRE  = regexp.MustCompile(`(?P<year>\d{4})-(?P<month>\d{2})-(?P<day>\d{2})`)
	wsRE    = regexp.MustCompile(`\s+`)
)

type Entry struct {
	IP, User, When, Method, Path string
	Status, Bytes                int
}

func parseLine(s string) (Entry, bool) {
	m := lineRE.FindStringSubmatch(s)
	if m == nil {
		return Entry{}, false
	}
	st, _ := strconv.Atoi(m[6])
	by, _ := strconv.Atoi(m[7])
	return Entry{m[1], m[2], m[3], m[4], m[5], st, by}, true
}

func main() {
	var entries []Entry
	sc := bufio.NewScanner(strings.NewReader(logData))
	n := 0
	for sc.Scan() {
		n++
		e, ok := parseLine(sc.Text())
		if !ok {
			fmt.Printf("line %d: could not parse %q\n", n, sc.Text())
			continue
		}
		entries = append(entries, e)
	}
	fmt.Println("entries:", len(entries))

	byIP := map[string]int{}
	bytesByIP := map[string]int{}
	statusClass := map[string]int{}
	for _, e := range entries {
		byIP[e.IP]++
		bytesByIP[e.IP] += e.Bytes
		statusClass[strconv.Itoa(e.Status/100)+"xx"]++
	}
	ips := make([]string, 0, len(byIP))
	for ip := range byIP {
		ips = append(ips, ip)
	}
	sort.Slice(ips, func(i, j int) bool {
		if byIP[ips[i]] != byIP[ips[j]] {
			return byIP[ips[i]] > byIP[ips[j]]
		}
		return ips[i] < ips[j]
	})
	for _, ip := range ips {
		fmt.Printf("%-14s requests=%d bytes=%d\n", ip, byIP[ip], bytesByIP[ip])
	}
	classes := make([]string, 0)
	for c := range statusClass {
		classes = append(classes, c)
	}
	sort.Strings(classes)
	for _, c := range classes {
		fmt.Print(c, ":", statusClass[c], " ")
	}
	fmt.Println()

	apiRE := regexp.MustCompile(`^/api/(\w+)(?:/(\d+))?`)
	for _, e := range entries {
		if m := apiRE.FindStringSubmatch(e.Path); m != nil {
			id := m[2]
			if id == "" {
				id = "-"
			}
			fmt.Printf("api call: %s resource=%s id=%s status=%d\n", e.Method, m[1], id, e.Status)
		}
	}

	text := "Contact Bob@Example.com or support@help.example.org; not an email: foo@bar"
	fmt.Println(emailRE.FindAllString(text, -1))
	for _, m := range emailRE.FindAllStringSubmatch(text, -1) {
		fmt.Printf("  user=%s domain=%s\n", m[1], m[2])
	}
	masked := emailRE.ReplaceAllString(text, "$1@***")
	fmt.Println(masked)

	d := dateRE.FindStringSubmatch("released on 2024-03-12, patched 2024-04-01")
	for i, name := range dateRE.SubexpNames() {
		if name != "" {
			fmt.Printf("%s=%s ", name, d[i])
		}
	}
	fmt.Println()
	fmt.Println(dateRE.ReplaceAllString("2024-03-12 and 1999-12-31", "${day}/${month}/${year}"))
	fmt.Println(dateRE.FindAllStringIndex("x2024-03-12y2023-01-01", -1))

	fmt.Printf("%q\n", wsRE.Split("  split   on\twhite \n space ", -1))
	fmt.Println(wsRE.ReplaceAllLiteralString("a   b \t c", " "))
	up := regexp.MustCompile(`[aeiou]`).ReplaceAllStringFunc("regular expressions", strings.ToUpper)
	fmt.Println(up)
	fmt.Println(regexp.MustCompile(`^\d+$`).MatchString("12345"), regexp.MustCompile(`^\d+$`).MatchString("12a45"))
	_, err := regexp.Compile(`(unclosed`)
	fmt.Println("compile error:", err)
	fmt.Println(regexp.QuoteMeta("1+1=2? [yes]"), lineRE.NumSubexp())
}
