#!/usr/bin/env python3
"""Build-time measurement: `dotnet build` of a CorpusGen project against a u8-literal baseline.

For each corpus size this script

1. generates a deterministic news corpus (seeded RNG) in files of about 128 KB;
2. writes two net10.0 class libraries in a work folder outside the repository:
   * ``corpusgen``: the corpus as ``AdditionalFiles`` (``Corpus="true"``), the generator from
     ``src/CorpusGen/CorpusGen.csproj`` as a ``ProjectReference`` (analyzer only);
   * ``baseline``: the same bytes as plain ``"..."u8`` literals, one literal per corpus file, one .cs file per
     corpus file (the floor for any compile-time embedding);
3. restores both (not timed), then, per repetition, deletes ``bin/`` and ``obj/Release/`` and times
   ``dotnet build -c Release --no-restore -p:UseSharedCompilation=false`` under ``/usr/bin/time -v``
   (wall time and maximum resident set size);
4. writes ``build-time.csv`` and ``build-time.svg`` to the output folder and prints a Markdown table.

Standard library only. Units: 1 MB = 1,000,000 bytes (corpus, RSS and DLL sizes).
See README.md next to this file.
"""

from __future__ import annotations

import argparse
import csv
import datetime as _dt
import math
import os
import platform
import random
import re
import shutil
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Dict, List, Optional, Sequence, Tuple
from xml.sax.saxutils import escape as _xml_escape

SCRIPT_DIR = Path(__file__).resolve().parent
# tests/CorpusGen.Benchmarks/BuildTime/buildtime.py -> repository root is three levels up.
REPO = SCRIPT_DIR.parents[2]
GENERATOR_CSPROJ = REPO / "src" / "CorpusGen" / "CorpusGen.csproj"
GENERATOR_PROPS = REPO / "src" / "CorpusGen" / "build" / "CorpusGen.props"

MB = 1_000_000
DEFAULT_SIZES = [1, 16, 64, 128, 256]
TIME_BIN = "/usr/bin/time"

BUILD_ENV = {
    "DOTNET_CLI_TELEMETRY_OPTOUT": "1",
    "DOTNET_NOLOGO": "1",
    "DOTNET_SKIP_FIRST_TIME_EXPERIENCE": "1",
    "DOTNET_CLI_UI_LANGUAGE": "en",
    # Worker nodes must exit with the build so that their memory and CPU are counted (and nothing lingers).
    "MSBUILDDISABLENODEREUSE": "1",
}


# --------------------------------------------------------------------------------------------------------------
# Corpus generation
# --------------------------------------------------------------------------------------------------------------

_ONSETS = ["", "b", "c", "d", "f", "g", "h", "j", "k", "l", "m", "n", "p", "r", "s", "t", "v", "w", "z",
           "br", "ch", "cl", "cr", "dr", "fl", "fr", "gr", "pl", "pr", "sh", "sl", "sp", "st", "str", "th", "tr"]
_VOWELS = ["a", "e", "i", "o", "u", "a", "e", "i", "o", "ai", "ea", "ou", "y"]
_CODAS = ["", "", "", "n", "r", "s", "t", "l", "m", "nd", "st", "rk", "ng", "x"]

# A few words with non-ASCII letters, so that the UTF-8 text has 2- and 3-byte sequences.
NON_ASCII_WORDS = ["café", "zürich", "straße", "naïve", "señor", "kraków", "são", "résumé", "øresund",
                   "ångström", "łódź", "reykjavík", "москва", "αθήνα", "東京"]

DESKS = ["AT", "DESK", "WIRE", "POL", "ECO", "SPT", "WLD", "LON", "NY", "BUR"]


def make_vocabulary(rng: random.Random, count: int = 5000) -> List[str]:
    """About `count` distinct synthetic lowercase words of 2-9 letters, plus the non-ASCII words, Zipf-ranked."""
    words: List[str] = []
    seen = set()
    while len(words) < count:
        syllables = rng.choice((1, 1, 2, 2, 2, 3, 3, 4))
        w = "".join(rng.choice(_ONSETS) + rng.choice(_VOWELS) + rng.choice(_CODAS) for _ in range(syllables))
        if 2 <= len(w) <= 9 and w.isascii() and w.isalpha() and w not in seen:
            seen.add(w)
            words.append(w)
    # Spread the non-ASCII words over the ranks so that each shows up now and then, not in every sentence.
    for i, w in enumerate(NON_ASCII_WORDS):
        words.insert(40 + i * 97, w)
    return words


class CorpusWriter:
    """Writes the news files. Each file gets its own RNG, seeded from (seed, file index): fully deterministic."""

    def __init__(self, seed: int) -> None:
        self.seed = seed
        self.vocab = make_vocabulary(random.Random(f"corpusgen-vocab-{seed}"))
        # Zipf-like weights: the word of rank r has weight 1 / (r + 2).
        acc = 0.0
        self.cum: List[float] = []
        for r in range(len(self.vocab)):
            acc += 1.0 / (r + 2)
            self.cum.append(acc)

    def _words(self, rng: random.Random, n: int) -> List[str]:
        return rng.choices(self.vocab, cum_weights=self.cum, k=n)

    @staticmethod
    def _cap(w: str) -> str:
        return w[:1].upper() + w[1:]

    def _phrase(self, rng: random.Random, lo: int, hi: int) -> str:
        words = self._words(rng, rng.randint(lo, hi))
        words[0] = self._cap(words[0])
        # The odd proper noun inside.
        for i in range(1, len(words)):
            if rng.random() < 0.08:
                words[i] = self._cap(words[i])
        return " ".join(words)

    def _sentence(self, rng: random.Random) -> str:
        words = self._words(rng, rng.randint(20, 60))
        words[0] = self._cap(words[0])
        for i in range(1, len(words) - 1):
            x = rng.random()
            if x < 0.05:
                words[i] = self._cap(words[i])
            elif x < 0.11:
                words[i] += ","
        return " ".join(words) + "."

    def document(self, index: int, target_bytes: int) -> str:
        rng = random.Random(f"corpusgen-doc-{self.seed}-{index}")
        lines = ["- " + self._phrase(rng, 5, 14) for _ in range(50)]
        lines.append(self._phrase(rng, 6, 14))  # the title
        byline = f"{rng.choice('ABCDEFGHJKLMNPRSTW')}.{self._cap(rng.choice(self.vocab[:2000]))}--{rng.choice(DESKS)}"
        size = sum(len(s.encode("utf-8")) + 1 for s in lines) + len(byline) + 1
        while size < target_bytes:
            if rng.random() < 0.07:
                line = "- " + self._phrase(rng, 2, 6) + " -"  # cross-head
            else:
                line = " ".join(self._sentence(rng) for _ in range(rng.randint(1, 4)))
            lines.append(line)
            size += len(line.encode("utf-8")) + 1
        lines.append(byline)
        return "\n".join(lines) + "\n"


# --------------------------------------------------------------------------------------------------------------
# Projects
# --------------------------------------------------------------------------------------------------------------

COMMON_PROPERTIES = """    <OutputType>Library</OutputType>
    <TargetFramework>net10.0</TargetFramework>
    <Nullable>enable</Nullable>
    <ImplicitUsings>disable</ImplicitUsings>
    <LangVersion>latest</LangVersion>
    <IsPackable>false</IsPackable>"""

# Stops MSBuild's upward search for Directory.Build.props/targets, so nothing above the work folder applies.
EMPTY_PROJECT_FILE = "<Project>\n  <!-- Empty on purpose: isolates the build-time projects from any parent folder. -->\n</Project>\n"


def corpusgen_csproj() -> str:
    return f"""<Project Sdk="Microsoft.NET.Sdk">

  <PropertyGroup>
{COMMON_PROPERTIES}
  </PropertyGroup>

  <ItemGroup>
    <ProjectReference Include="{_xml_escape(str(GENERATOR_CSPROJ))}" OutputItemType="Analyzer" ReferenceOutputAssembly="false" />
  </ItemGroup>
  <Import Project="{_xml_escape(str(GENERATOR_PROPS))}" />

  <ItemGroup>
    <AdditionalFiles Include="news/*.txt" Corpus="true" />
  </ItemGroup>

</Project>
"""


def baseline_csproj() -> str:
    return f"""<Project Sdk="Microsoft.NET.Sdk">

  <PropertyGroup>
{COMMON_PROPERTIES}
  </PropertyGroup>

</Project>
"""


CORPUSGEN_USE = "internal static class Use\n{\n    public static int N => Corpus.Headlines.Count;\n}\n"
BASELINE_USE = "internal static class Use\n{\n    public static int N => Data.F00001.Length;\n}\n"

_CS_ESCAPES: Dict[int, str] = {ord("\\"): "\\\\", ord('"'): '\\"', ord("\n"): "\\n", ord("\r"): "\\r",
                               ord("\t"): "\\t"}
for _c in list(range(0x20)) + [0x7F, 0x85, 0x2028, 0x2029]:
    _CS_ESCAPES.setdefault(_c, f"\\u{_c:04X}")


def cs_string_literal(text: str) -> str:
    """A regular C# string literal on one line (other non-ASCII stays raw: the .cs file is UTF-8)."""
    return '"' + text.translate(_CS_ESCAPES) + '"'


def baseline_source(index: int, text: str) -> str:
    return ("internal static partial class Data\n{\n"
            f"    internal static global::System.ReadOnlySpan<byte> F{index:05d} => {cs_string_literal(text)}u8;\n"
            "}\n")


@dataclass
class Corpus:
    size_mb: float
    files: int
    bytes: int


def write_projects(size_dir: Path, size_mb: float, file_bytes: int, seed: int, writer: CorpusWriter) -> Corpus:
    """(Re)creates size_dir/{corpusgen,baseline} with the corpus for size_mb."""
    if size_dir.exists():
        shutil.rmtree(size_dir)
    cg = size_dir / "corpusgen"
    bl = size_dir / "baseline"
    (cg / "news").mkdir(parents=True)
    (bl / "data").mkdir(parents=True)
    total = int(round(size_mb * MB))
    files = max(1, int(round(total / file_bytes)))
    if files > 99_999:
        raise SystemExit(f"{size_mb} MB needs {files} files; the baseline names allow 99,999")
    written = 0
    for i in range(1, files + 1):
        # Spread the remainder so that the corpus is size_mb within a paragraph or so per file.
        target = (total * i) // files - (total * (i - 1)) // files
        text = writer.document(i, target)
        data = text.encode("utf-8")
        written += len(data)
        (cg / "news" / f"{i:05d}.txt").write_bytes(data)
        (bl / "data" / f"Data_{i:05d}.cs").write_bytes(baseline_source(i, text).encode("utf-8"))
    (cg / "CorpusGenBuild.csproj").write_text(corpusgen_csproj(), encoding="utf-8")
    (cg / "Use.cs").write_text(CORPUSGEN_USE, encoding="utf-8")
    (bl / "U8Baseline.csproj").write_text(baseline_csproj(), encoding="utf-8")
    (bl / "Use.cs").write_text(BASELINE_USE, encoding="utf-8")
    return Corpus(size_mb, files, written)


# --------------------------------------------------------------------------------------------------------------
# Building and measuring
# --------------------------------------------------------------------------------------------------------------

@dataclass
class Run:
    exit_code: int
    wall_s: float
    max_rss_kb: Optional[int]
    cpu_s: Optional[float]
    log: Path


@dataclass
class ProjectResult:
    runs: List[Run] = field(default_factory=list)
    dll_bytes: Optional[int] = None

    @property
    def ok(self) -> bool:
        return bool(self.runs) and all(r.exit_code == 0 for r in self.runs)

    @property
    def exit_codes(self) -> str:
        return ";".join(str(r.exit_code) for r in self.runs)

    def median(self, attr: str) -> Optional[float]:
        values = [getattr(r, attr) for r in self.runs if r.exit_code == 0 and getattr(r, attr) is not None]
        return statistics.median(values) if values else None


def _run(cmd: Sequence[str], cwd: Path, log: Path, timeout: Optional[float]) -> Tuple[int, float, str]:
    env = dict(os.environ)
    env.update(BUILD_ENV)
    start = time.perf_counter()
    with open(log, "wb") as out:
        try:
            proc = subprocess.run(list(cmd), cwd=cwd, stdout=out, stderr=subprocess.STDOUT, env=env,
                                  timeout=timeout)
            code = proc.returncode
        except subprocess.TimeoutExpired:
            code = -9
            out.write(f"\n*** buildtime.py: timed out after {timeout} s\n".encode())
    wall = time.perf_counter() - start
    return code, wall, log.read_text(encoding="utf-8", errors="replace")


_WALL_RE = re.compile(r"Elapsed \(wall clock\) time \(h:mm:ss or m:ss\):\s*(\S+)")
_RSS_RE = re.compile(r"Maximum resident set size \(kbytes\):\s*(\d+)")
_USER_RE = re.compile(r"User time \(seconds\):\s*([\d.]+)")
_SYS_RE = re.compile(r"System time \(seconds\):\s*([\d.]+)")
_TIME_EXIT_RE = re.compile(r"Command exited with non-zero status (\d+)")


def _parse_clock(s: str) -> float:
    parts = [float(p) for p in s.split(":")]
    secs = 0.0
    for p in parts:
        secs = secs * 60 + p
    return secs


def timed(cmd: Sequence[str], cwd: Path, log: Path, timeout: Optional[float]) -> Run:
    """Runs cmd under /usr/bin/time -v; the time report goes to a separate file, the build output to log."""
    report = log.with_suffix(".time")
    code, wall, _ = _run([TIME_BIN, "-v", "-o", str(report), *cmd], cwd, log, timeout)
    rss = cpu = None
    text = report.read_text(encoding="utf-8", errors="replace") if report.exists() else ""
    m = _WALL_RE.search(text)
    if m:
        wall = _parse_clock(m.group(1))
    m = _RSS_RE.search(text)
    if m:
        rss = int(m.group(1))
    mu, ms = _USER_RE.search(text), _SYS_RE.search(text)
    if mu and ms:
        cpu = float(mu.group(1)) + float(ms.group(1))
    m = _TIME_EXIT_RE.search(text)
    if m and code == 0:
        code = int(m.group(1))
    return Run(code, wall, rss, cpu, log)


def build_command(project: Path, build_references: bool, properties: Sequence[str] = ()) -> List[str]:
    cmd = ["dotnet", "build", str(project), "-c", "Release", "--no-restore", "-p:UseSharedCompilation=false",
           "-nodeReuse:false", "-tl:off"]
    cmd.extend(f"-p:{p}" for p in properties)
    if not build_references:
        # The generator is built once, before any timing; the timed build only resolves its output path.
        cmd.append("-p:BuildProjectReferences=false")
    return cmd


def clean_outputs(project_dir: Path) -> None:
    """Removes build output but keeps the restore assets in obj/."""
    shutil.rmtree(project_dir / "bin", ignore_errors=True)
    shutil.rmtree(project_dir / "obj" / "Release", ignore_errors=True)


def restore(project: Path, log: Path, timeout: Optional[float]) -> None:
    code, _, text = _run(["dotnet", "restore", str(project), "-nodeReuse:false", "-tl:off"], project.parent, log,
                         timeout)
    if code != 0:
        raise BuildSetupError(f"dotnet restore {project.name} failed (exit {code}); see {log}\n{error_lines(text)}")


class BuildSetupError(Exception):
    pass


def error_lines(text: str, limit: int = 15) -> str:
    errs = [ln.strip() for ln in text.splitlines() if re.search(r"\berror\b", ln)]
    seen: List[str] = []
    for e in errs:
        if e not in seen:
            seen.append(e)
    if not seen:
        seen = [ln for ln in text.splitlines() if ln.strip()][-limit:]
    return "\n".join("    " + e for e in seen[:limit])


def build_generator(logs: Path, timeout: Optional[float], attempts: int, wait_s: float) -> None:
    """Builds the generator project in Release before any timing, retrying (it may be mid-edit)."""
    for attempt in range(1, attempts + 1):
        log = logs / f"generator-build-{attempt}.log"
        code, wall, text = _run(["dotnet", "build", str(GENERATOR_CSPROJ), "-c", "Release", "-nodeReuse:false",
                                 "-tl:off"], GENERATOR_CSPROJ.parent, log, timeout)
        if code == 0:
            print(f"generator built in {wall:.1f} s ({GENERATOR_CSPROJ.relative_to(REPO)}, Release)", file=sys.stderr)
            return
        print(f"generator build failed (attempt {attempt}/{attempts}, exit {code}); see {log}\n{error_lines(text)}",
              file=sys.stderr)
        if attempt < attempts:
            print(f"retrying in {wait_s:.0f} s", file=sys.stderr)
            time.sleep(wait_s)
    raise BuildSetupError("the generator project does not build; nothing was measured")


def measure_size(size_dir: Path, logs: Path, tag: str, repeat: int, build_references: bool,
                 timeout: Optional[float], variant: Sequence[str] = ()) -> Dict[str, ProjectResult]:
    """Times the two projects, and with ``variant`` (MSBuild properties) the CorpusGen project a second time with them."""
    projects = {
        "baseline": size_dir / "baseline" / "U8Baseline.csproj",
        "corpusgen": size_dir / "corpusgen" / "CorpusGenBuild.csproj",
    }
    if variant:
        projects["variant"] = projects["corpusgen"]
    for name, proj in projects.items():
        if name != "variant":
            restore(proj, logs / f"{tag}-{name}-restore.log", timeout)
    results = {name: ProjectResult() for name in projects}
    for rep in range(1, repeat + 1):
        # Alternate the order so that neither project always runs first (cache and machine noise).
        order = list(projects) if rep % 2 == 1 else list(reversed(list(projects)))
        for name in order:
            proj = projects[name]
            clean_outputs(proj.parent)
            properties = variant if name == "variant" else ()
            run = timed(build_command(proj, build_references, properties), proj.parent,
                        logs / f"{tag}-{name}-build{rep}.log", timeout)
            results[name].runs.append(run)
            status = "ok" if run.exit_code == 0 else f"FAILED (exit {run.exit_code})"
            rss = f", max RSS {run.max_rss_kb * 1024 / MB:.0f} MB" if run.max_rss_kb else ""
            label = "corpusgen " + " ".join(f"-p:{p}" for p in variant) if name == "variant" else name
            print(f"  {tag} {label:9s} run {rep}/{repeat}: {run.wall_s:7.2f} s{rss}  {status}", file=sys.stderr)
            if run.exit_code != 0:
                print(error_lines(run.log.read_text(encoding="utf-8", errors="replace")), file=sys.stderr)
            dll = proj.parent / "bin" / "Release" / "net10.0" / (proj.stem + ".dll")
            if run.exit_code == 0 and dll.exists():
                results[name].dll_bytes = dll.stat().st_size
    if variant and results["variant"].ok and results["baseline"].ok:
        v, b = results["variant"].median("wall_s"), results["baseline"].median("wall_s")
        print(f"  {tag} variant {' '.join(variant)}: {v:.1f} s against the baseline's {b:.1f} s ({v / b:.2f}x)",
              file=sys.stderr)
    return results


# --------------------------------------------------------------------------------------------------------------
# Output: CSV, Markdown, SVG
# --------------------------------------------------------------------------------------------------------------

@dataclass
class Row:
    corpus: Corpus
    baseline: ProjectResult
    corpusgen: ProjectResult

    @property
    def ratio(self) -> Optional[float]:
        b, c = self.baseline.median("wall_s"), self.corpusgen.median("wall_s")
        if self.baseline.ok and self.corpusgen.ok and b and c:
            return c / b
        return None


def _fmt(x: Optional[float], digits: int = 2) -> str:
    return "" if x is None else f"{x:.{digits}f}"


def _mb(kb_or_bytes: Optional[float], kb: bool = False) -> Optional[float]:
    if kb_or_bytes is None:
        return None
    return kb_or_bytes * (1024 if kb else 1) / MB


def _size_label(mb: float) -> str:
    return f"{mb:g}"


CSV_COLUMNS = ["size_mb", "files", "corpus_bytes",
               "baseline_wall_s", "corpusgen_wall_s", "ratio",
               "baseline_max_rss_mb", "corpusgen_max_rss_mb",
               "baseline_cpu_s", "corpusgen_cpu_s",
               "baseline_dll_bytes", "corpusgen_dll_bytes",
               "baseline_ok", "corpusgen_ok", "baseline_exit_codes", "corpusgen_exit_codes",
               "repeat", "baseline_wall_runs_s", "corpusgen_wall_runs_s"]


def write_csv(path: Path, rows: List[Row], repeat: int) -> None:
    with open(path, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(CSV_COLUMNS)
        for r in rows:
            b, c = r.baseline, r.corpusgen
            w.writerow([
                _size_label(r.corpus.size_mb), r.corpus.files, r.corpus.bytes,
                _fmt(b.median("wall_s")), _fmt(c.median("wall_s")), _fmt(r.ratio, 3),
                _fmt(_mb(b.median("max_rss_kb"), kb=True), 1), _fmt(_mb(c.median("max_rss_kb"), kb=True), 1),
                _fmt(b.median("cpu_s")), _fmt(c.median("cpu_s")),
                "" if b.dll_bytes is None else b.dll_bytes, "" if c.dll_bytes is None else c.dll_bytes,
                str(b.ok).lower(), str(c.ok).lower(), b.exit_codes, c.exit_codes,
                repeat,
                ";".join(f"{x.wall_s:.2f}" for x in b.runs), ";".join(f"{x.wall_s:.2f}" for x in c.runs),
            ])


def markdown_table(rows: List[Row]) -> str:
    head = ["Corpus (MB)", "Files", "Baseline (s)", "CorpusGen (s)", "Ratio", "Baseline max RSS (MB)",
            "CorpusGen max RSS (MB)", "Baseline DLL (MB)", "CorpusGen DLL (MB)", "Builds"]
    align = ["---:", "---:", "---:", "---:", "---:", "---:", "---:", "---:", "---:", "---"]
    out = ["| " + " | ".join(head) + " |", "|" + "|".join(align) + "|"]

    def status(p: ProjectResult) -> str:
        return "ok" if p.ok else f"FAILED (exit {p.exit_codes})"

    for r in rows:
        b, c = r.baseline, r.corpusgen
        builds = "ok" if b.ok and c.ok else f"baseline {status(b)}, CorpusGen {status(c)}"
        ratio = f"{r.ratio:.2f}×" if r.ratio is not None else "–"
        cells = [_size_label(r.corpus.size_mb), f"{r.corpus.files:,}",
                 _fmt(b.median("wall_s")) or "–", _fmt(c.median("wall_s")) or "–", ratio,
                 _fmt(_mb(b.median("max_rss_kb"), kb=True), 0) or "–",
                 _fmt(_mb(c.median("max_rss_kb"), kb=True), 0) or "–",
                 _fmt(_mb(b.dll_bytes), 1) or "–", _fmt(_mb(c.dll_bytes), 1) or "–", builds]
        out.append("| " + " | ".join(cells) + " |")
    return "\n".join(out)


def nice_ticks(vmax: float, target: int = 6) -> List[float]:
    """Round tick values from 0 to at least vmax, about `target` intervals."""
    if vmax <= 0:
        vmax = 1.0
    raw = vmax / target
    mag = 10 ** _floor_log10(raw)
    step = next(m * mag for m in (1, 2, 2.5, 5, 10) if m * mag >= raw)
    n = int(-(-vmax // step))  # ceil
    return [round(i * step, 10) for i in range(n + 1)]


def _floor_log10(x: float) -> int:
    e = 0
    while x >= 10:
        x /= 10
        e += 1
    while x < 1:
        x *= 10
        e -= 1
    return e


def _tick_label(v: float) -> str:
    return f"{v:g}" if abs(v) < 1e6 else f"{v:.3g}"


def render_svg(rows: List[Row], subtitle: str) -> str:
    W, H = 800, 480
    left, right, top, bottom = 72, 28, 64, 62
    pw, ph = W - left - right, H - top - bottom

    base = [(r.corpus.size_mb, r.baseline.median("wall_s")) for r in rows if r.baseline.ok]
    cg = [(r.corpus.size_mb, r.corpusgen.median("wall_s")) for r in rows if r.corpusgen.ok]
    base = [(x, y) for x, y in base if y is not None]
    cg = [(x, y) for x, y in cg if y is not None]
    goal = [(x, 1.5 * y) for x, y in base]

    xmax = max([r.corpus.size_mb for r in rows] + [1.0])
    ymax = max([y for _, y in base + cg + goal] + [1.0])
    xt, yt = nice_ticks(xmax), nice_ticks(ymax * 1.05)
    x1, y1 = xt[-1], yt[-1]

    def X(v: float) -> float:
        return left + pw * v / x1

    def Y(v: float) -> float:
        return top + ph - ph * v / y1

    def pts(series: List[Tuple[float, float]]) -> str:
        return " ".join(f"{X(x):.1f},{Y(y):.1f}" for x, y in series)

    e = _xml_escape
    o: List[str] = []
    o.append(f'<svg xmlns="http://www.w3.org/2000/svg" width="{W}" height="{H}" viewBox="0 0 {W} {H}" '
             f'font-family="DejaVu Sans, Helvetica, Arial, sans-serif" font-size="12">')
    o.append(f'<rect x="0" y="0" width="{W}" height="{H}" fill="#ffffff"/>')
    o.append(f'<text x="{W / 2:.0f}" y="26" text-anchor="middle" font-size="17" font-weight="bold" '
             f'fill="#222">dotnet build time vs corpus size</text>')
    o.append(f'<text x="{W / 2:.0f}" y="45" text-anchor="middle" font-size="11" fill="#666">{e(subtitle)}</text>')

    # Grid and ticks.
    o.append('<g stroke="#e4e4e4" stroke-width="1">')
    for v in yt[1:]:
        o.append(f'<line x1="{left}" y1="{Y(v):.1f}" x2="{left + pw}" y2="{Y(v):.1f}"/>')
    for v in xt[1:]:
        o.append(f'<line x1="{X(v):.1f}" y1="{top}" x2="{X(v):.1f}" y2="{top + ph}"/>')
    o.append('</g>')
    o.append('<g stroke="#444" stroke-width="1">')
    o.append(f'<line x1="{left}" y1="{top + ph}" x2="{left + pw}" y2="{top + ph}"/>')
    o.append(f'<line x1="{left}" y1="{top}" x2="{left}" y2="{top + ph}"/>')
    for v in yt:
        o.append(f'<line x1="{left - 5}" y1="{Y(v):.1f}" x2="{left}" y2="{Y(v):.1f}"/>')
    for v in xt:
        o.append(f'<line x1="{X(v):.1f}" y1="{top + ph}" x2="{X(v):.1f}" y2="{top + ph + 5}"/>')
    o.append('</g>')
    o.append('<g fill="#333" font-size="12">')
    for v in yt:
        o.append(f'<text x="{left - 8}" y="{Y(v) + 4:.1f}" text-anchor="end">{_tick_label(v)}</text>')
    for v in xt:
        o.append(f'<text x="{X(v):.1f}" y="{top + ph + 19}" text-anchor="middle">{_tick_label(v)}</text>')
    o.append('</g>')
    o.append(f'<text x="{left + pw / 2:.0f}" y="{H - 16}" text-anchor="middle" font-size="13" fill="#222">'
             f'corpus size (MB)</text>')
    o.append(f'<text transform="translate(20 {top + ph / 2:.0f}) rotate(-90)" text-anchor="middle" font-size="13" '
             f'fill="#222">build time (s)</text>')

    # Series.
    c_cg, c_base, c_goal = "#d9480f", "#1c7ed6", "#2b8a3e"
    if len(goal) > 1:
        o.append(f'<polyline points="{pts(goal)}" fill="none" stroke="{c_goal}" stroke-width="1.6" '
                 f'stroke-dasharray="7 5"/>')
    elif goal:
        gx, gy = goal[0]
        o.append(f'<line x1="{X(gx) - 20:.1f}" y1="{Y(gy):.1f}" x2="{X(gx) + 20:.1f}" y2="{Y(gy):.1f}" '
                 f'stroke="{c_goal}" stroke-width="1.6" stroke-dasharray="7 5"/>')
    if goal:
        o.append(_goal_label(goal, cg, X, Y, c_goal))
    for series, color, marker in ((base, c_base, "square"), (cg, c_cg, "circle")):
        if len(series) > 1:
            o.append(f'<polyline points="{pts(series)}" fill="none" stroke="{color}" stroke-width="2.2" '
                     f'stroke-linejoin="round"/>')
        for x, y in series:
            o.append(_marker(marker, X(x), Y(y), color))

    # Failed builds: a cross on the x axis, explained under the legend.
    failed = [(r.corpus.size_mb, n) for r in rows for n, p in (("baseline", r.baseline), ("CorpusGen", r.corpusgen))
              if not p.ok]
    for x, _ in failed:
        cx, cy = X(x), top + ph
        o.append(f'<path d="M{cx - 5:.1f},{cy - 5:.1f} L{cx + 5:.1f},{cy + 5:.1f} M{cx - 5:.1f},{cy + 5:.1f} '
                 f'L{cx + 5:.1f},{cy - 5:.1f}" stroke="#c92a2a" stroke-width="2"/>')

    # Legend, top left inside the plot.
    lx, ly = left + 14, top + 12
    entries = [("CorpusGen", c_cg, "circle", None), ("u8-literal baseline", c_base, "square", None),
               ("goal: 1.5× baseline", c_goal, None, "7 5")]
    if failed:
        entries.append(("failed: " + ", ".join(f"{n} {_size_label(x)} MB" for x, n in failed), "#c92a2a", "cross",
                        None))
    lw = 20 + max(len(t) for t, *_ in entries) * 6.8 + 20
    o.append(f'<rect x="{lx}" y="{ly}" width="{lw:.0f}" height="{len(entries) * 20 + 10}" fill="#ffffff" '
             f'fill-opacity="0.92" stroke="#cccccc" rx="3"/>')
    for i, (label, color, marker, dash) in enumerate(entries):
        yy = ly + 16 + i * 20
        if marker != "cross":
            dash_attr = f' stroke-dasharray="{dash}"' if dash else ""
            o.append(f'<line x1="{lx + 8}" y1="{yy}" x2="{lx + 34}" y2="{yy}" stroke="{color}" '
                     f'stroke-width="{1.6 if dash else 2.2}"{dash_attr}/>')
        if marker in ("circle", "square"):
            o.append(_marker(marker, lx + 21, yy, color))
        elif marker == "cross":
            o.append(f'<path d="M{lx + 16},{yy - 5} L{lx + 26},{yy + 5} M{lx + 16},{yy + 5} L{lx + 26},{yy - 5}" '
                     f'stroke="{color}" stroke-width="2"/>')
        o.append(f'<text x="{lx + 42}" y="{yy + 4}" fill="#222">{e(label)}</text>')
    o.append('</svg>')
    return "\n".join(o) + "\n"


def _interpolate(series: List[Tuple[float, float]], x: float) -> Optional[float]:
    for (xa, ya), (xb, yb) in zip(series, series[1:]):
        if xa <= x <= xb and xb > xa:
            return ya + (yb - ya) * (x - xa) / (xb - xa)
    return None


def _goal_label(goal: List[Tuple[float, float]], cg: List[Tuple[float, float]], X, Y, color: str) -> str:
    """The goal line's label, along the line's longest segment, on the side away from the CorpusGen line."""
    text = "goal: 1.5× baseline"
    if len(goal) == 1:
        gx, gy = goal[0]
        return (f'<text x="{X(gx) + 24:.1f}" y="{Y(gy) + 4:.1f}" font-size="11" fill="{color}">'
                f'{_xml_escape(text)}</text>')
    segments = list(zip(goal, goal[1:]))
    (xa, ya), (xb, yb) = max(segments, key=lambda s: math.hypot(X(s[1][0]) - X(s[0][0]), Y(s[1][1]) - Y(s[0][1])))
    mx, my = (xa + xb) / 2, (ya + yb) / 2
    angle = math.degrees(math.atan2(Y(yb) - Y(ya), X(xb) - X(xa)))
    # Below the line (on screen) when CorpusGen runs above it there, else above.
    other = _interpolate(cg, mx)
    below = other is not None and other > my
    dy = 15 if below else -7
    return (f'<text transform="translate({X(mx):.1f} {Y(my):.1f}) rotate({angle:.2f})" x="0" y="{dy}" '
            f'text-anchor="middle" font-size="11" fill="{color}">{_xml_escape(text)}</text>')


def _marker(kind: str, x: float, y: float, color: str) -> str:
    if kind == "circle":
        return f'<circle cx="{x:.1f}" cy="{y:.1f}" r="4.5" fill="{color}" stroke="#ffffff" stroke-width="1.2"/>'
    return (f'<rect x="{x - 4.2:.1f}" y="{y - 4.2:.1f}" width="8.4" height="8.4" fill="{color}" stroke="#ffffff" '
            f'stroke-width="1.2"/>')


# --------------------------------------------------------------------------------------------------------------
# Main
# --------------------------------------------------------------------------------------------------------------

def _git(*args: str) -> str:
    try:
        return subprocess.run(["git", *args], cwd=REPO, capture_output=True, text=True, timeout=30).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        return ""


def _is_within(path: Path, parent: Path) -> bool:
    try:
        path.relative_to(parent)
        return True
    except ValueError:
        return False


def main(argv: Optional[Sequence[str]] = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", type=float, nargs="+", default=DEFAULT_SIZES, metavar="MB",
                    help="corpus sizes in MB (1 MB = 1,000,000 bytes); default: %(default)s")
    ap.add_argument("--out", type=Path, default=REPO / "docs",
                    help="folder for build-time.csv and build-time.svg; default: <repo>/docs")
    ap.add_argument("--work", type=Path, default=Path("/tmp/corpusgen-buildtime"),
                    help="work folder for the generated projects (outside the repository); default: %(default)s")
    ap.add_argument("--keep", action="store_true", help="keep the generated projects (logs are always kept)")
    ap.add_argument("--repeat", type=int, default=1, help="timed builds per project and size; the median is used")
    ap.add_argument("--seed", type=int, default=1, help="corpus RNG seed; default: %(default)s")
    ap.add_argument("--file-kb", type=float, default=128, help="approximate corpus file size in KB (1,000 bytes)")
    ap.add_argument("--timeout", type=float, default=None, help="seconds before a build is killed (default: none)")
    ap.add_argument("--build-references", action="store_true",
                    help="let the timed CorpusGen build also build (up-to-date check) the generator project; by "
                         "default the timed builds pass -p:BuildProjectReferences=false and the generator is built "
                         "once beforehand")
    ap.add_argument("--variant", action="append", default=[], metavar="NAME=VALUE",
                    help="also time the CorpusGen project with this MSBuild property, e.g. CorpusConstants=false "
                         "(repeatable: all apply to one extra build per repetition); printed, not in the CSV or plot")
    ap.add_argument("--generator-attempts", type=int, default=3,
                    help="tries to build the generator before giving up (it may be mid-edit); default: %(default)s")
    ap.add_argument("--retry-wait", type=float, default=180, help="seconds between those tries; default: %(default)s")
    args = ap.parse_args(argv)

    if args.repeat < 1:
        ap.error("--repeat must be at least 1")
    if any(s <= 0 for s in args.sizes):
        ap.error("--sizes must be positive")
    if not Path(TIME_BIN).exists():
        ap.error(f"{TIME_BIN} is required (GNU time, for wall time and maximum RSS): apt-get install time")
    if shutil.which("dotnet") is None:
        ap.error("dotnet is not on PATH")

    work = args.work.resolve()
    if _is_within(work, REPO):
        ap.error(f"--work must be outside the repository ({REPO}): its Directory.Build.props would apply")
    out = args.out.resolve()
    out.mkdir(parents=True, exist_ok=True)
    work.mkdir(parents=True, exist_ok=True)
    logs = work / "logs"
    logs.mkdir(exist_ok=True)
    for name in ("Directory.Build.props", "Directory.Build.targets"):
        (work / name).write_text(EMPTY_PROJECT_FILE, encoding="utf-8")

    sizes = sorted(set(args.sizes))
    file_bytes = int(args.file_kb * 1000)
    commit = _git("rev-parse", "--short", "HEAD")
    dirty = bool(_git("status", "--porcelain", "--", "src"))
    sdk = subprocess.run(["dotnet", "--version"], capture_output=True, text=True).stdout.strip()
    print(f"repo {REPO} @ {commit}{' (src has uncommitted changes)' if dirty else ''}; SDK {sdk}; "
          f"{os.cpu_count()} cores; work {work}", file=sys.stderr)

    try:
        build_generator(logs, args.timeout, args.generator_attempts, args.retry_wait)
        writer = CorpusWriter(args.seed)

        # Warm-up: a one-file corpus, built once each, not timed (first csc/MSBuild start, disk cache, and a check
        # that both projects build at all before the large corpora are written).
        print("warm-up (1 file, not timed)", file=sys.stderr)
        warm_dir = work / "warmup"
        write_projects(warm_dir, file_bytes / MB, file_bytes, args.seed, writer)
        warm = measure_size(warm_dir, logs, "warmup", 1, args.build_references, args.timeout)
        broken = [name for name, r in warm.items() if not r.ok]
        if broken:
            raise BuildSetupError(f"the warm-up build of {' and '.join(broken)} failed on a one-file corpus, so "
                                  f"nothing was measured; projects kept in {warm_dir}, logs in {logs}")
        shutil.rmtree(warm_dir, ignore_errors=True)

        rows: List[Row] = []
        for size in sizes:
            size_dir = work / f"{_size_label(size)}MB"
            t0 = time.perf_counter()
            corpus = write_projects(size_dir, size, file_bytes, args.seed, writer)
            print(f"{_size_label(size)} MB: {corpus.files} files, {corpus.bytes:,} bytes, written in "
                  f"{time.perf_counter() - t0:.1f} s", file=sys.stderr)
            res = measure_size(size_dir, logs, f"{_size_label(size)}MB", args.repeat, args.build_references,
                               args.timeout, args.variant)
            rows.append(Row(corpus, res["baseline"], res["corpusgen"]))
            if not args.keep:
                shutil.rmtree(size_dir, ignore_errors=True)
            # Write after every size, so that a long run that is stopped keeps what it measured.
            write_csv(out / "build-time.csv", rows, args.repeat)
            subtitle = (f"dotnet build -c Release, clean output, median of {args.repeat}; SDK {sdk}, "
                        f"{os.cpu_count()} cores, {platform.system()}; {_dt.date.today().isoformat()}, "
                        f"{commit}{'+dirty' if dirty else ''}")
            (out / "build-time.svg").write_text(render_svg(rows, subtitle), encoding="utf-8")
    except BuildSetupError as ex:
        print(f"error: {ex}", file=sys.stderr)
        return 2

    print(markdown_table(rows))
    print(f"\nwrote {out / 'build-time.csv'} and {out / 'build-time.svg'}; logs in {logs}", file=sys.stderr)
    failed = any(not (r.baseline.ok and r.corpusgen.ok) for r in rows)
    if failed:
        print("some builds FAILED: see the table and the logs", file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
