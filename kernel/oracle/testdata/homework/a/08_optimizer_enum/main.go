package main

import (
	"fmt"
	"math"
)

type Method int

const (
	SGD Method = iota
	Momentum
	Nesterov
	RMSProp
	Adam
	numMethods
)

var methodNames = [...]string{"SGD", "Momentum", "Nesterov", "RMSProp", "Adam"}

func (m Method) String() string {
	if m < 0 || m >= numMethods {
		return fmt.Sprintf("Method(%d)", int(m))
	}
	return methodNames[m]
}

// features lists what each method uses; fallthrough accumulates them.
func features(m Method) []string {
	var fs []string
	switch m {
	case Adam:
		fs = append(fs, "bias-correction")
		fallthrough
	case RMSProp:
		fs = append(fs, "second-moment")
		if m == RMSProp {
			break
		}
		fallthrough
	case Nesterov, Momentum:
		fs = append(fs, "velocity")
		fallthrough
	case SGD:
		fs = append(fs, "gradient")
	default:
		fs = append(fs, "???")
	}
	return fs
}

type LogLevel uint8

const (
	Quiet LogLevel = 1 << iota
	Progress
	Debug
	All = Quiet | Progress | Debug
)

func (l LogLevel) String() string {
	s := ""
	for i, n := range []string{"quiet", "progress", "debug"} {
		if l&(1<<i) != 0 {
			if s != "" {
				s += "|"
			}
			s += n
		}
	}
	return fmt.Sprintf("%s(0b%03b)", s, uint8(l))
}

const (
	KB = 1 << (10 * (iota + 1))
	MB
	GB
)

func main() {
	for m := SGD; m <= numMethods; m++ {
		fmt.Printf("%-9v %d %v\n", m, m, features(m))
	}
	fmt.Printf("%%v=%v %%d=%d %%#v=%#v %%T=%T\n", Adam, Adam, Adam, Adam)
	fmt.Println(Progress, Debug|Quiet, All)
	fmt.Println("KB MB GB:", KB, MB, GB)
	fmt.Printf("a 1e6-param float64 model needs %.2f MB\n", float64(1_000_000*8)/MB)
	// typed constant overflow check at compile time is fine; show untyped precision
	const huge = 1 << 100
	fmt.Println("huge>>98 =", huge>>98, " log2(GB) =", math.Log2(GB))
}
