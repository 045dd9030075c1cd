// JSON encode/decode round trip with struct tags, omitempty and nested structs.
package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"reflect"
)

type Address struct {
	Street string `json:"street"`
	City   string `json:"city"`
	Zip    string `json:"zip,omitempty"`
}

type Person struct {
	ID       int               `json:"id"`
	Name     string            `json:"name"`
	Email    string            `json:"email,omitempty"`
	Age      int               `json:"age,omitempty"`
	Admin    bool              `json:"is_admin"`
	Tags     []string          `json:"tags,omitempty"`
	Home     Address           `json:"home"`
	Work     *Address          `json:"work,omitempty"`
	Meta     map[string]string `json:"meta,omitempty"`
	Password string            `json:"-"`
	internal int               // unexported: ignored
}

func main() {
	people := []Person{
		{
			ID: 1, Name: "Ada", Email: "ada@example.com", Age: 36, Admin: true,
			Tags:     []string{"math", "engines"},
			Home:     Address{"12 St James's Sq", "London", "SW1"},
			Work:     &Address{Street: "Analytical Row", City: "London"},
			Meta:     map[string]string{"b": "2", "a": "1"}, // encoding/json sorts map keys
			Password: "secret", internal: 7,
		},
		{ID: 2, Name: "Bob", Home: Address{Street: "1 Main", City: "Springfield"}},
	}

	compact, err := json.Marshal(people[1])
	if err != nil {
		panic(err)
	}
	fmt.Println("compact:", string(compact))

	pretty, _ := json.MarshalIndent(people[0], "", "  ")
	fmt.Println("indented:")
	fmt.Println(string(pretty))

	// Round trip the whole slice.
	data, _ := json.Marshal(people)
	var back []Person
	if err := json.Unmarshal(data, &back); err != nil {
		panic(err)
	}
	for i := range back {
		orig := people[i]
		orig.Password, orig.internal = "", 0 // these are not serialized
		fmt.Printf("person %d round-trip equal: %v\n", back[i].ID, reflect.DeepEqual(orig, back[i]))
	}
	fmt.Printf("decoded work address: %+v\n", *back[0].Work)
	fmt.Println("bob's work is nil:", back[1].Work == nil)

	// Decoding into a generic map and handling unknown / wrong-typed fields.
	var generic map[string]any
	_ = json.Unmarshal(compact, &generic)
	fmt.Printf("generic id type %T value %v, home city %v\n",
		generic["id"], generic["id"], generic["home"].(map[string]any)["city"])

	bad := []byte(`{"id":"three","name":"Eve"}`)
	var p Person
	err = json.Unmarshal(bad, &p)
	var ute *json.UnmarshalTypeError
	if errors.As(err, &ute) {
		fmt.Printf("type error: field=%s value=%s want=%v\n", ute.Field, ute.Value, ute.Type)
	}
}
