"""JupyterLab's debugger on Go cells in Debian's Chromium (Playwright): enable it with the
notebook's bug button, set a breakpoint by clicking the gutter, run the cell, see it stop at
the line with the loop's variables in the panel, step, continue, and the variable explorer
listing the session's variables when idle."""
import time

import pytest

import test_browser as tb
from test_browser import ACTIVE, cells, lab, run_cell, scenario, scratch_notebook, select_cell, shot  # noqa: F401
from test_debugger import FUNC_CELL, GD_CELL

UI = tb.UI


def line_of_highlight(page, index):
    """The 1-based line the debugger highlights in code cell index, 0 if none."""
    return page.evaluate(
        """([sel, i]) => {
            const lines = [...document.querySelectorAll(sel)[i].querySelectorAll('.cm-line')];
            return lines.findIndex(l => l.classList.contains('jp-DebuggerEditor-highlight')) + 1;
        }""",
        [f"{ACTIVE} .jp-Notebook .jp-CodeCell", index],
    )


def wait_highlight(page, index, line):
    page.wait_for_function(
        """([sel, i, want]) => {
            const lines = [...document.querySelectorAll(sel)[i].querySelectorAll('.cm-line')];
            return lines.findIndex(l => l.classList.contains('jp-DebuggerEditor-highlight')) + 1 === want;
        }""",
        arg=[f"{ACTIVE} .jp-Notebook .jp-CodeCell", index, line],
        timeout=UI * 1000,
        polling=50,
    )


def variables_text(page):
    return page.locator(".jp-DebuggerVariables-body").first.inner_text()


def wait_variables(page, *needles):
    page.wait_for_function(
        """needles => {
            const b = document.querySelector('.jp-DebuggerVariables-body');
            return b && needles.every(n => b.innerText.includes(n));
        }""",
        arg=list(needles),
        timeout=UI * 1000,
        polling=100,
    )


def command(page, name):
    page.evaluate("name => { window.jupyterapp.commands.execute(name); }", name)


def test_breakpoint_step_continue_in_the_browser(lab):
    name = "debugger.ipynb"
    scratch_notebook(lab.root / name, [FUNC_CELL, GD_CELL])
    with scenario(lab, "debugger"):
        page = lab.open(name)
        bug = page.locator(f"{ACTIVE} .jp-DebuggerBugButton")
        page.locator(f"{ACTIVE} .jp-DebuggerBugButton:not(.disabled)").wait_for(state="visible", timeout=UI * 1000)
        bug.click()
        page.locator(f"{ACTIVE} .jp-DebuggerBugButton[aria-pressed='true']").wait_for(state="visible", timeout=UI * 1000)
        # Started (initialize and attach answered): the panel's title names the notebook.
        page.wait_for_function(
            "name => { const s = document.querySelector('.jp-DebuggerSidebar'); return s && s.textContent.includes(name); }",
            arg=name,
            timeout=UI * 1000,
        )
        page.locator(".jp-DebuggerVariables").first.wait_for(state="attached", timeout=UI * 1000)
        run_cell(page, 0)

        # A breakpoint on line 4 (g := grad(theta)) by clicking the gutter.
        cell = select_cell(page, 1)
        gutter = cell.locator(".cm-breakpoint-gutter .cm-gutterElement")
        gutter.first.wait_for(state="attached", timeout=UI * 1000)
        # The gutter's first element is a spacer; line N is the element whose row is line N.
        target = cell.locator(".cm-line").nth(3).bounding_box()
        box = cell.locator("div.cm-gutter.cm-breakpoint-gutter").bounding_box()
        page.mouse.click(box["x"] + box["width"] / 2, target["y"] + target["height"] / 2)
        page.locator(".jp-DebuggerBreakpoint").first.wait_for(state="attached", timeout=UI * 1000)

        select_cell(page, 1)
        page.keyboard.press("Control+Enter")
        wait_highlight(page, 1, 4)
        wait_variables(page, "theta", "5", "lr", "0.25")
        shot(page, "debugger-stopped")
        frames = page.locator(".jp-DebuggerCallstackFrame-name").all_inner_texts()
        assert frames and frames[0] == "cell", frames

        command(page, "debugger:next")
        wait_highlight(page, 1, 5)
        wait_variables(page, "g", "10")
        command(page, "debugger:next")
        wait_highlight(page, 1, 3)
        command(page, "debugger:next")
        wait_highlight(page, 1, 4)
        command(page, "debugger:stepIn")
        page.wait_for_function(
            "() => [...document.querySelectorAll('.jp-DebuggerCallstackFrame-name')].map(e => e.textContent)[0] === 'grad'",
            timeout=UI * 1000,
        )
        wait_highlight(page, 0, 2)  # grad's first line, in the first cell
        shot(page, "debugger-stepped-in")
        command(page, "debugger:stepOut")
        wait_highlight(page, 1, 4)

        # Remove the breakpoint (click it again) and continue: the cell ends with its output.
        box = cell.locator("div.cm-gutter.cm-breakpoint-gutter").bounding_box()
        target = cell.locator(".cm-line").nth(3).bounding_box()
        page.mouse.click(box["x"] + box["width"] / 2, target["y"] + target["height"] / 2)
        # The panel is updated from the kernel's setBreakpoints reply.
        page.locator(".jp-DebuggerBreakpoint").first.wait_for(state="detached", timeout=UI * 1000)
        command(page, "debugger:continue")
        page.wait_for_function(
            """sel => document.querySelectorAll(sel)[1].querySelector('.jp-OutputArea').innerText.includes('theta 0.625')""",
            arg=f"{ACTIVE} .jp-Notebook .jp-CodeCell",
            timeout=UI * 1000,
        )
        # Idle: the variables panel lists the session's variables.
        wait_variables(page, "theta", "0.625")
        shot(page, "debugger-idle-variables")
