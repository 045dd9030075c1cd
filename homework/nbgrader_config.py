"""nbgrader's configuration for the gocurve problem sets (Go cells, gocurve kernel).

Run nbgrader from this folder, the course directory: `make homework` generates the
student versions into release/, `make grading` autogrades submitted/.
"""
c = get_config()  # noqa: F821  (provided by nbgrader when it loads this file)

c.CourseDirectory.course_id = "gocurve"

# Solution regions and hidden tests are marked in Go comments:
#   // BEGIN SOLUTION … // END SOLUTION and // BEGIN HIDDEN TESTS … // END HIDDEN TESTS
c.ClearSolutions.begin_solution_delimeter = "BEGIN SOLUTION"
c.ClearSolutions.end_solution_delimeter = "END SOLUTION"
c.ClearSolutions.code_stub = {"go": '// YOUR CODE HERE\npanic("not answered yet: write your code here")'}
c.ClearSolutions.text_stub = "YOUR ANSWER HERE"
c.ClearHiddenTests.begin_test_delimeter = "BEGIN HIDDEN TESTS"
c.ClearHiddenTests.end_test_delimeter = "END HIDDEN TESTS"

# A Go cell can take a few seconds (optimizer runs); give each one time.
c.Execute.timeout = 300
c.Execute.kernel_name = "gocurve"
