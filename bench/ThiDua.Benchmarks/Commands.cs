using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using ThiDua.Core.Assessment;

namespace ThiDua.Benchmarks;

/// <summary>
/// The scripted mode: `scoring` and `uncertainty` measure ThiDua, the floor and DuckDB on the same seeded data in
/// one run and print medians of warm runs (one JSON line with --json). Exit code 1 when ThiDua and DuckDB disagree.
/// Options: --units, --indicators, --samples, --runs (timed runs), --warmup (runs before timing), --json, and
/// --thidua-only (the engine alone, for profiling).
/// </summary>
public static class Commands
{
    public static bool IsCommand(string[] args) => args.Length > 0 && args[0] is "scoring" or "uncertainty";

    public static int Run(string[] args)
    {
        var options = Parse(args);
        return args[0] == "scoring" ? Scoring(options) : Uncertainty(options);
    }

    private sealed record Options(int Units, int Indicators, int Samples, int Runs, int Warmup, bool Json, bool ThiDuaOnly);

    private static Options Parse(string[] args)
    {
        int Int(string name, int fallback)
        {
            var at = Array.IndexOf(args, name);
            return at >= 0 && at + 1 < args.Length ? int.Parse(args[at + 1], CultureInfo.InvariantCulture) : fallback;
        }
        return new Options(Int("--units", NationalScale.Units), Int("--indicators", NationalScale.Indicators), Int("--samples", 1000),
            Int("--runs", 15), Int("--warmup", 10), args.Contains("--json"),
            args.Contains("--thidua-only"));
    }

    /// <summary>Median wall-clock milliseconds of <paramref name="runs"/> runs after <paramref name="warmup"/> unmeasured ones.</summary>
    private static double Median(Action action, int warmup, int runs)
    {
        for (var k = 0; k < warmup; k++)
        {
            action();
        }
        var times = new double[runs];
        for (var k = 0; k < runs; k++)
        {
            var clock = Stopwatch.StartNew();
            action();
            times[k] = clock.Elapsed.TotalMilliseconds;
        }
        Array.Sort(times);
        return runs % 2 == 1 ? times[runs / 2] : (times[(runs / 2) - 1] + times[runs / 2]) / 2;
    }

    private static double Round(double ms) => Math.Round(ms, 3);

    private static int Scoring(Options o)
    {
        var data = NationalScale.Create(o.Units, o.Indicators);
        if (o.ThiDuaOnly)
        {
            // For profiling (dotnet-counters, dotnet-trace): the engine alone, many runs, nothing else in the process.
            CohortArrays? reused = null;
            Console.WriteLine(JsonSerializer.Serialize(new { units = o.Units, indicators = o.Indicators, thidua_ms = Round(Median(() => reused = CohortScoring.ScoreCohort(data.Framework, data.Raw, data.Layout, reused), o.Warmup, o.Runs)) }));
            return 0;
        }
        var floor = new Floor(data.Definition);
        var floorTotals = new double[o.Units];
        using var duck = new DuckDbEngine();
        duck.LoadCohort(data);

        // Each run recomputes every value into the arrays of the run before (as a long-running service reuses its
        // buffers); fresh arrays each run are timed apart (fresh_ms), their cost being the page faults of 8 MB.
        CohortArrays thidua = null!;
        var thiduaMs = Median(() => thidua = CohortScoring.ScoreCohort(data.Framework, data.Raw, data.Layout, thidua), o.Warmup, o.Runs);
        var freshMs = Median(() => CohortScoring.ScoreCohort(data.Framework, data.Raw, data.Layout), o.Warmup, o.Runs);
        var floorMs = Median(() => floor.Totals(data.Raw, floorTotals), o.Warmup, o.Runs);
        var duckMs = Median(() => duck.Score(data.Framework), o.Warmup, o.Runs);

        var (rows, clusters, groupValues) = duck.ReadScores(o.Units, thidua.WeightGroups);
        var problems = new List<string>();
        for (var u = 0; u < o.Units; u++)
        {
            var row = rows[u];
            if (row is null || Math.Abs(row.Total - thidua.Totals[u]) > 1e-9 || Math.Abs(floorTotals[u] - thidua.Totals[u]) > 1e-9)
            {
                problems.Add($"unit {u}: total ThiDua {thidua.Totals[u]:R}, DuckDB {row?.Total:R}, floor {floorTotals[u]:R}");
                continue;
            }
            if (row.Band != thidua.Bands[u] || row.Rank != thidua.Rank[u] || row.RankInType != thidua.RankInType[u])
            {
                problems.Add($"unit {u}: band/rank/rank in type ThiDua {thidua.Bands[u]}/{thidua.Rank[u]}/{thidua.RankInType[u]}, DuckDB {row.Band}/{row.Rank}/{row.RankInType}");
            }
            for (var g = 0; g < thidua.WeightGroups; g++)
            {
                // The bench's groups are flat: group k of the tree is weight group k.
                if (Math.Abs(groupValues[(u * thidua.WeightGroups) + g] - thidua.GroupValues[(u * thidua.Groups) + g]) > 1e-9)
                {
                    problems.Add($"unit {u}: group {g} value differs");
                }
            }
            for (var slot = data.Layout.ClusterStart[u]; slot < data.Layout.ClusterStart[u + 1]; slot++)
            {
                var cluster = data.Layout.ClusterOf[slot];
                if (!clusters.TryGetValue((u, cluster), out var rank) || rank != thidua.RankInCluster[slot])
                {
                    problems.Add($"unit {u}: rank in cluster {cluster} ThiDua {thidua.RankInCluster[slot]}, DuckDB {rank}");
                }
            }
        }
        var agree = problems.Count == 0;
        if (o.Json)
        {
            Console.WriteLine(JsonSerializer.Serialize(new
            {
                units = o.Units,
                indicators = o.Indicators,
                thidua_ms = Round(thiduaMs),
                floor_ms = Round(floorMs),
                duckdb_ms = Round(duckMs),
                agree,
            }));
        }
        else
        {
            Console.WriteLine($"Scoring {o.Units} units × {o.Indicators} indicators, {thidua.WeightGroups} groups, {data.Layout.TypeNames.Length} types, {data.Layout.ClusterNames.Length} clusters; median of {o.Runs} warm runs");
            Console.WriteLine($"  {"ThiDua (ScoreCohort)",-24}{thiduaMs,10:F2} ms   {thiduaMs / floorMs,6:F2}× the floor");
            Console.WriteLine($"  {"ThiDua, fresh arrays",-24}{freshMs,10:F2} ms   {freshMs / floorMs,6:F2}× the floor");
            Console.WriteLine($"  {"floor (totals only)",-24}{floorMs,10:F2} ms");
            Console.WriteLine($"  {"DuckDB (SQL)",-24}{duckMs,10:F2} ms   {duckMs / thiduaMs,6:F2}× ThiDua's time");
            Console.WriteLine($"  agree: {agree}");
        }
        foreach (var problem in problems.Take(10))
        {
            Console.Error.WriteLine(problem);
        }
        return agree ? 0 : 1;
    }

    private static int Uncertainty(Options o)
    {
        var data = NationalScale.Create(o.Units, o.Indicators);
        var scored = CohortScoring.ScoreCohort(data.Framework, data.Raw, data.Layout);
        var groups = scored.WeightGroups;
        var options = new UncertaintyOptions(Samples: o.Samples);
        if (o.ThiDuaOnly)
        {
            Console.WriteLine(JsonSerializer.Serialize(new { units = o.Units, samples = o.Samples, thidua_ms = Round(Median(() => RankUncertainty.Compute(scored.WeightGroupPoints, o.Units, groups, options), o.Warmup, o.Runs)) }));
            return 0;
        }
        using var duck = new DuckDbEngine();
        duck.LoadUncertainty(scored.WeightGroupPoints, o.Units, groups, RankUncertainty.Weights(o.Samples, groups, options), o.Samples);

        // Fewer runs by default: one DuckDB run takes seconds.
        var runs = Math.Min(o.Runs, 5);
        var warmup = Math.Min(o.Warmup, 1);
        RankInterval[] thidua = null!;
        var thiduaMs = Median(() => thidua = RankUncertainty.Compute(scored.WeightGroupPoints, o.Units, groups, options), o.Warmup, o.Runs);
        var duckMs = Median(() => duck.Uncertainty(groups), warmup, runs);

        var ducks = duck.ReadUncertainty(o.Units);
        var problems = new List<string>();
        for (var u = 0; u < o.Units; u++)
        {
            var (a, b) = (thidua[u], ducks[u]);
            if (Math.Abs(a.Median - b.Median) > 1e-9 || Math.Abs(a.P5 - b.P5) > 1e-9 || Math.Abs(a.P95 - b.P95) > 1e-9)
            {
                problems.Add($"unit {u}: ThiDua {a}, DuckDB {b}");
            }
        }
        var agree = problems.Count == 0;
        if (o.Json)
        {
            Console.WriteLine(JsonSerializer.Serialize(new
            {
                units = o.Units,
                samples = o.Samples,
                thidua_ms = Round(thiduaMs),
                duckdb_ms = Round(duckMs),
                agree,
            }));
        }
        else
        {
            Console.WriteLine($"Rank uncertainty of {o.Units} units, {o.Samples} samples of {groups} group weights; medians of warm runs");
            Console.WriteLine($"  {"ThiDua (RankUncertainty)",-26}{thiduaMs,10:F2} ms");
            Console.WriteLine($"  {"DuckDB (SQL)",-26}{duckMs,10:F2} ms   {duckMs / thiduaMs,6:F2}× ThiDua's time");
            Console.WriteLine($"  agree: {agree}");
        }
        foreach (var problem in problems.Take(10))
        {
            Console.Error.WriteLine(problem);
        }
        return agree ? 0 : 1;
    }
}
