"""The planner's path through the workspace in headless Chromium (run by
scripts/workspace-in-browser.sh), checked against the CLI, then a load test."""

import concurrent.futures
import csv
import json
import os
import re
import statistics
import subprocess
import sys
import time
import urllib.parse
import urllib.request

from selenium import webdriver
from selenium.common.exceptions import NoSuchElementException, StaleElementReferenceException
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions
from selenium.webdriver.support.ui import WebDriverWait

BASE = sys.argv[1]
ONESTOP = os.environ["ONESTOP"]
WORK = os.environ["WORK"]
SHOTS = os.environ["SCREENSHOTS"]
CHANGES = {"centre.counter_staff": "2", "horizon.days": "28", "replications": "4"}
os.makedirs(SHOTS, exist_ok=True)


def fail(message):
    raise SystemExit(f"workspace-in-browser: FAILED: {message}")


def close(a, b):
    return a == b or abs(a - b) <= 1e-9 * max(1.0, abs(a), abs(b))


def browser():
    options = webdriver.ChromeOptions()
    for argument in ["--headless", "--no-sandbox", "--disable-gpu", "--window-size=1200,1600", "--lang=en-US"]:
        options.add_argument(argument)
    options.binary_location = "/usr/bin/chromium"
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    service = webdriver.ChromeService(executable_path="/usr/bin/chromedriver")
    return webdriver.Chrome(options=options, service=service)


def shot(driver, name):
    height = driver.execute_script("return document.body.scrollHeight")
    driver.set_window_size(1200, min(4000, max(900, height + 40)))
    driver.save_screenshot(f"{SHOTS}/workspace-{name}.png")


def field(driver, key_path):
    return driver.find_element(By.CSS_SELECTOR, f'input[data-key="{key_path}"]')


def set_fields(driver, changes):
    for key, value in changes.items():
        element = field(driver, key)
        element.clear()
        element.send_keys(value)


def wait_for_result(driver):
    WebDriverWait(driver, 120).until(lambda d: re.search(r"/results/[0-9]", d.current_url))


def cli(*arguments):
    return subprocess.run([ONESTOP, *arguments], check=True, capture_output=True, text=True).stdout


def console_errors(driver):
    return [entry for entry in driver.get_log("browser") if entry["level"] == "SEVERE"]


driver = browser()
try:
    # 1. The workspace, and the default scenario's form.
    driver.get(BASE + "/")
    if "onestop" not in driver.title:
        fail(f"unexpected title {driver.title!r}")
    shot(driver, "home")
    driver.find_element(By.LINK_TEXT, "default").click()
    WebDriverWait(driver, 10).until(expected_conditions.presence_of_element_located((By.ID, "levers")))
    shot(driver, "scenario")

    # 2. Change the counter staff (and shorten the run), run, read the result.
    set_fields(driver, CHANGES)
    driver.find_element(By.ID, "run").click()
    wait_for_result(driver)
    shot(driver, "result")
    shown = {row.get_attribute("data-kpi"): float(row.find_element(By.CSS_SELECTOR, "td.num").get_attribute("data-mean"))
             for row in driver.find_elements(By.CSS_SELECTOR, "#figures tr[data-kpi]")
             if row.find_element(By.CSS_SELECTOR, "td.num").get_attribute("data-mean")}
    arguments = ["run", "scenarios/default.yaml", "--json", "--quiet", "--out", f"{WORK}/cli-run"]
    for key, value in CHANGES.items():
        arguments += ["--set", f"{key}={value}"]
    summary = json.loads(cli(*arguments))
    if len(shown) < 8:
        fail(f"the result page shows only {sorted(shown)}")
    for kpi, mean in shown.items():
        expected = summary["kpis"][kpi]["mean"]
        if not close(mean, expected):
            fail(f"{kpi}: the browser shows {mean}, the CLI gives {expected}")
    print(f"workspace-in-browser: run: {len(shown)} figures equal the CLI's "
          f"(overdue {shown['overdue']:.2f}, on-time rate {shown['on_time_rate']:.4f})", file=sys.stderr)

    # 3. Compare a change with the scenario as saved, on common random numbers.
    driver.get(BASE + "/scenarios/default")
    set_fields(driver, {"centre.back_office_staff": "4", "horizon.days": "28", "replications": "4"})
    driver.find_element(By.ID, "compare").click()
    wait_for_result(driver)
    shot(driver, "compare")
    differences = {row.get_attribute("data-kpi"): row for row in driver.find_elements(By.CSS_SELECTOR, "#differences tr[data-kpi]")}
    overdue = differences.get("overdue")
    if overdue is None:
        fail("the comparison shows no overdue row")
    browser_difference = float(overdue.find_elements(By.CSS_SELECTOR, "td.num")[2].get_attribute("data-mean"))
    cli("compare", "scenarios/default.yaml", "--variant", "with: centre.back_office_staff=4", "--set", "horizon.days=28",
        "--set", "replications=4", "--quiet", "--out", f"{WORK}/cli-compare")
    with open(f"{WORK}/cli-compare/compare.csv", newline="", encoding="utf-8") as table:
        row = next(r for r in csv.DictReader(table) if r["kpi"] == "overdue")
    if not close(browser_difference, float(row["difference_mean"])):
        fail(f"overdue difference: browser {browser_difference}, CLI {row['difference_mean']}")
    verdict = overdue.find_elements(By.TAG_NAME, "td")[-1].get_attribute("class")
    print(f"workspace-in-browser: compare: overdue difference {browser_difference:+.2f} equals the CLI's ({verdict})", file=sys.stderr)

    # 4. A long run: live progress, then cancel; nothing is written.
    driver.get(BASE + "/scenarios/default")
    set_fields(driver, {"horizon.days": "365", "replications": "400"})
    driver.find_element(By.ID, "run").click()
    WebDriverWait(driver, 30, ignored_exceptions=[StaleElementReferenceException, NoSuchElementException]).until(
        lambda d: int(d.find_element(By.ID, "progress").get_attribute("value") or 0) > 0)
    shot(driver, "progress")
    driver.find_element(By.ID, "cancel").click()
    # The cancel form reloads the job page: elements found before it go stale.
    WebDriverWait(driver, 60, ignored_exceptions=[StaleElementReferenceException, NoSuchElementException]).until(
        lambda d: d.find_element(By.ID, "job").get_attribute("data-state") == "cancelled")
    shot(driver, "cancelled")
    print("workspace-in-browser: live progress shown, cancel stopped the run", file=sys.stderr)

    # 5. Switch to Vietnamese on the first result.
    driver.get(BASE + "/results")
    driver.find_element(By.CSS_SELECTOR, "#results a").click()
    driver.find_element(By.ID, "switch-language").click()
    WebDriverWait(driver, 10).until(lambda d: d.find_element(By.TAG_NAME, "html").get_attribute("lang") == "vi")
    heading = driver.find_element(By.TAG_NAME, "h1").text
    if "Kết quả" not in heading or "Tồn đọng" not in driver.page_source and "tồn đọng" not in driver.page_source:
        fail(f"the Vietnamese page reads {heading!r}")
    shot(driver, "result-vi")
    driver.get(BASE + "/scenarios/default")
    shot(driver, "scenario-vi")
    if field(driver, "horizon.start").get_attribute("value") != "01/07/2025":
        fail("the first day is not shown as dd/mm/yyyy in Vietnamese")
    errors = console_errors(driver)
    if errors:
        fail(f"console errors: {errors}")
    print("workspace-in-browser: Vietnamese pages, dd/mm/yyyy dates; screenshots in " + SHOTS, file=sys.stderr)
finally:
    driver.quit()

# 6. Load test on loopback: 10 clients read pages while a year-long study runs.
page = urllib.request.urlopen(BASE + "/scenarios/default").read().decode()
token = re.search(r'name="csrf" value="([0-9a-f]+)"', page).group(1)
body = urllib.parse.urlencode({"csrf": token, "f:horizon.days": "365", "f:replications": "400"}).encode()
request = urllib.request.Request(BASE + "/scenarios/default/run", data=body, method="POST")
job = urllib.request.urlopen(request).geturl().rsplit("/", 1)[1]


def timed(path):
    start = time.perf_counter()
    with urllib.request.urlopen(BASE + path, timeout=30) as response:
        response.read()
        return response.status, time.perf_counter() - start


paths = ["/", "/scenarios/default", "/results", f"/jobs/{job}.json", "/scenarios/campaign-end"] * 40
with concurrent.futures.ThreadPoolExecutor(max_workers=10) as pool:
    results = list(pool.map(timed, paths))
state = json.loads(urllib.request.urlopen(f"{BASE}/jobs/{job}.json").read())
cancel = urllib.request.Request(f"{BASE}/jobs/{job}/cancel", data=urllib.parse.urlencode({"csrf": token}).encode(), method="POST")
urllib.request.urlopen(cancel).read()
latencies = sorted(seconds for _, seconds in results)
bad = [status for status, _ in results if status != 200]
p50, p95 = statistics.median(latencies), latencies[int(0.95 * len(latencies)) - 1]
print(f"workspace-in-browser: load: {len(results)} requests by 10 clients while a study ran ({state['state']}, "
      f"{state['done']} of {state['total']} replications): p50 {p50 * 1000:.0f} ms, p95 {p95 * 1000:.0f} ms, "
      f"max {latencies[-1] * 1000:.0f} ms", file=sys.stderr)
if bad:
    fail(f"{len(bad)} requests failed during the load test")
if state["state"] != "running":
    fail(f"the study was {state['state']}, not running, during the load test")
if p95 > 2.0:
    fail(f"pages were not responsive while a study ran (p95 {p95:.2f} s)")
