package optim

import "math"

// Schedule gives the learning rate α_t for step t = 0, 1, 2, … . A run with
// a schedule sets the optimizer's learning rate (see LearningRater) to
// Rate(t) before step t, so any first-order method can follow it.
type Schedule interface {
	Rate(t int) float64
}

// ScheduleFunc adapts a function to a Schedule, e.g. for a schedule written
// in a notebook cell.
type ScheduleFunc func(t int) float64

// Rate returns f(t).
func (f ScheduleFunc) Rate(t int) float64 { return f(t) }

// Constant is the constant schedule α_t = LR.
type Constant struct{ LR float64 }

// Rate returns LR.
func (s Constant) Rate(int) float64 { return s.LR }

// StepDecay multiplies the rate by Factor every Every steps:
// α_t = LR·Factor^⌊t/Every⌋. Zero Every means no decay.
type StepDecay struct {
	LR     float64
	Factor float64
	Every  int
}

// Rate returns LR·Factor^⌊t/Every⌋.
func (s StepDecay) Rate(t int) float64 {
	if s.Every <= 0 {
		return s.LR
	}
	return s.LR * math.Pow(s.Factor, float64(t/s.Every))
}

// Exponential decays the rate geometrically: α_t = LR·Decay^t.
type Exponential struct {
	LR    float64
	Decay float64 // per-step factor, in (0, 1]
}

// Rate returns LR·Decay^t.
func (s Exponential) Rate(t int) float64 { return s.LR * math.Pow(s.Decay, float64(t)) }

// InverseTime is the 1/t schedule α_t = LR/(1 + Decay·t), whose sum diverges
// while the sum of squares converges (the Robbins–Monro conditions).
type InverseTime struct {
	LR    float64
	Decay float64
}

// Rate returns LR/(1 + Decay·t).
func (s InverseTime) Rate(t int) float64 { return s.LR / (1 + s.Decay*float64(t)) }

// Cosine anneals from LR to Min over Steps steps and stays at Min after:
//
//	α_t = Min + ½(LR − Min)(1 + cos(π·min(t, Steps)/Steps)).
//
// Zero Steps means the constant LR.
type Cosine struct {
	LR    float64
	Min   float64
	Steps int
}

// Rate returns the cosine-annealed rate at step t.
func (s Cosine) Rate(t int) float64 {
	if s.Steps <= 0 {
		return s.LR
	}
	x := float64(min(t, s.Steps)) / float64(s.Steps)
	return s.Min + 0.5*(s.LR-s.Min)*(1+math.Cos(math.Pi*x))
}

// Warmup ramps the rate up linearly over the first Steps steps and then
// follows Then, restarted at 0:
//
//	α_t = Then.Rate(0)·(t+1)/Steps  for t < Steps,  Then.Rate(t − Steps) after.
type Warmup struct {
	Steps int
	Then  Schedule
}

// Rate returns the warmed-up rate at step t.
func (s Warmup) Rate(t int) float64 {
	if t < s.Steps {
		return s.Then.Rate(0) * float64(t+1) / float64(s.Steps)
	}
	return s.Then.Rate(t - max(s.Steps, 0))
}
