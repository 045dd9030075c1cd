package main

import (
	"fmt"
	"strconv"
	"strings"
)

type Row struct {
	Epoch     int
	TrainLoss float64
	ValLoss   float64
	Acc       float64
}

// parse CSV-ish log lines written by a training script
const logText = `epoch,train,val,acc
1,0.9312,0.9520,0.61
2,0.6120,0.7011,0.72
3,0.4821,0.5903,0.79
4,0.4102,0.5655,0.81
5,0.3550,0.5731,0.82
6,0.3001,0.5990,0.83`

func parse(text string) ([]Row, error) {
	lines := strings.Split(text, "\n")
	rows := make([]Row, 0, len(lines)-1)
	for n, ln := range lines[1:] {
		f := strings.Split(ln, ",")
		if len(f) != 4 {
			return nil, fmt.Errorf("line %d: want 4 fields, got %d", n+2, len(f))
		}
		ep, err := strconv.Atoi(f[0])
		if err != nil {
			return nil, err
		}
		var vals [3]float64
		for i := range vals {
			if vals[i], err = strconv.ParseFloat(f[i+1], 64); err != nil {
				return nil, err
			}
		}
		rows = append(rows, Row{ep, vals[0], vals[1], vals[2]})
	}
	return rows, nil
}

func bar(v, max float64, width int) string {
	n := int(v / max * float64(width))
	return strings.Repeat("#", n) + strings.Repeat(".", width-n)
}

func main() {
	rows, err := parse(logText)
	if err != nil {
		fmt.Println("error:", err)
		return
	}
	var sb strings.Builder
	sb.WriteString(fmt.Sprintf("%-6s|%10s|%10s|%6s| %s\n", "epoch", "train", "val", "acc", "val loss"))
	sb.WriteString(strings.Repeat("-", 50) + "\n")
	bestEpoch, bestVal := 0, 1e9
	for _, r := range rows {
		marker := ""
		if r.ValLoss < bestVal {
			bestEpoch, bestVal = r.Epoch, r.ValLoss
			marker = " *"
		}
		fmt.Fprintf(&sb, "%-6d|%10.4f|%10.4f|%5.0f%%| %s%s\n",
			r.Epoch, r.TrainLoss, r.ValLoss, r.Acc*100, bar(r.ValLoss, 1, 20), marker)
	}
	sb.WriteString("early stopping would pick epoch " + strconv.Itoa(bestEpoch) + "\n")
	fmt.Print(sb.String())
	fmt.Println("builder length:", sb.Len())

	// strconv odds and ends
	fmt.Println(strconv.FormatFloat(bestVal, 'e', 3, 64), strconv.FormatFloat(bestVal, 'f', -1, 64))
	fmt.Println(strconv.Quote("lr=1e-3\tβ=0.9"), strconv.QuoteToASCII("β"))
	fmt.Println(strconv.FormatInt(255, 2), strconv.FormatInt(255, 16), strconv.Itoa(-42))
	if v, err := strconv.ParseInt("ff", 16, 64); err == nil {
		fmt.Println("ParseInt(ff,16) =", v)
	}
	b, _ := strconv.ParseBool("true")
	_, err = strconv.ParseFloat("1e400", 64)
	fmt.Println("bool:", b, "| overflow err:", err)
	fmt.Println(string(strconv.AppendInt([]byte("epoch-"), 7, 10)))
	fmt.Printf("%q %v %x %X %o %b %e %g\n", "hi", []string{"a", "b"}, "hi", 3054, 8, 5, 123456.789, 1e-7)
	fmt.Printf("|%-10s|%10s|%-8.3f|%8.3f|%+d|%05d|\n", "left", "right", 3.14159, 2.71828, 7, 42)
}
