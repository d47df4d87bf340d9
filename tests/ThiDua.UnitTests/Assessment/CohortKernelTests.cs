using ThiDua.Core.Assessment;

namespace ThiDua.UnitTests.Assessment;

/// <summary>
/// The fast path (CohortScoring.ScoreCohort, Ranking.OrderDescending, RankUncertainty.Compute) against
/// straightforward implementations written plainly here: each rule applied value by value from the framework's
/// definition, sums per unit and group, a rank by counting the units strictly above, a full sort per sample.
/// Seeded random cohorts with ties, missing and out-of-range values, several types and clusters, and tiny sizes.
/// </summary>
public class CohortKernelTests
{
    private static readonly string[] Types = ["commune", "ward", "special_zone"];

    /// <summary>A parent group with indicators of its own and a child group, besides an unscored group.</summary>
    private static FrameworkDefinition Nested() => new()
    {
        Code = "NESTED",
        Name = "Khung lồng nhau",
        Year = 2026,
        UnitType = "commune",
        ScaleMax = 60,
        Bands = Frameworks.StandardBands,
        Groups =
        [
            new()
            {
                Code = "P", Name = "Cha",
                Indicators =
                [
                    new() { Code = "P1", Name = "P1", MaxPoints = 10, Rule = new() { Kind = "ratio" } },
                    new() { Code = "P2", Name = "P2", MaxPoints = 10, Rule = new() { Kind = "steps", Steps = [new() { Min = 1, Points = 4 }, new() { Min = 3, Points = 10 }] } },
                ],
                Children =
                [
                    new()
                    {
                        Code = "C", Name = "Con",
                        Indicators =
                        [
                            new() { Code = "C1", Name = "C1", MaxPoints = 20, Rule = new() { Kind = "goalposts", Low = 10, High = 50, Direction = "up" } },
                            new() { Code = "C2", Name = "C2", MaxPoints = 0.1, Rule = new() { Kind = "boolean" } },
                        ],
                    },
                ],
            },
            new()
            {
                Code = "Q", Name = "Khác",
                Indicators =
                [
                    new() { Code = "Q1", Name = "Q1", MaxPoints = 19.9, Rule = new() { Kind = "manual" } },
                    new() { Code = "Q2", Name = "Q2", MaxPoints = 0, Rule = new() { Kind = "index" } },
                ],
            },
            new() { Code = "Z", Name = "Không chấm", Indicators = [new() { Code = "Z1", Name = "Z1", MaxPoints = 0, Rule = new() { Kind = "index" } }] },
        ],
    };

    public static TheoryData<string, int, int> Cohorts()
    {
        var data = new TheoryData<string, int, int>();
        foreach (var framework in new[] { "every-rule", "national", "nested" })
        {
            foreach (var units in new[] { 0, 1, 2, 3, 17, 300, 700 })
            {
                data.Add(framework, units, (units * 31) + framework.Length);
            }
        }
        return data;
    }

    private static FrameworkDefinition Definition(string name) => name switch
    {
        "every-rule" => Frameworks.EveryRule(),
        "national" => Frameworks.NationalProvincial(),
        _ => Nested(),
    };

    /// <summary>Random raw values of every kind: in range, out of range, missing (NaN); every seventh unit copies another (a tie).</summary>
    private static List<CohortMember> RandomCohort(CompiledFramework framework, int units, int seed)
    {
        var random = new Random(seed);
        var members = new List<CohortMember>();
        for (var u = 0; u < units; u++)
        {
            double[] raw;
            if (u > 0 && u % 7 == 0)
            {
                raw = (double[])members[random.Next(u)].Raw.Clone();
            }
            else
            {
                raw = new double[framework.IndicatorCount];
                for (var i = 0; i < raw.Length; i++)
                {
                    var x = random.NextDouble();
                    raw[i] = random.Next(10) == 0 ? double.NaN : framework.Kinds[i] switch
                    {
                        RuleKind.Boolean => random.Next(2),
                        RuleKind.Ratio or RuleKind.Index => (x * 1.4) - 0.2,
                        RuleKind.Steps => (x * 40) - 5,
                        RuleKind.Goalposts => (x * 80) - 10,
                        RuleKind.Choice => random.Next(-1, 5),
                        _ => (x * 30) - 5,
                    };
                }
            }
            var clusters = Enumerable.Range(0, random.Next(3)).Select(_ => $"CUM-{random.Next(5)}").ToList();
            members.Add(new CohortMember(u, $"U{u:D4}", $"Đơn vị {u}", Types[random.Next(Types.Length)], raw) { ClusterCodes = clusters });
        }
        return members;
    }

    /// <summary>The rule of one indicator, read from its definition and applied to one raw value.</summary>
    private static double ReferencePoints(IndicatorDefinition indicator, double raw)
    {
        if (double.IsNaN(raw))
        {
            return 0;
        }
        var rule = indicator.Rule;
        var max = indicator.MaxPoints;
        switch (rule.Kind)
        {
            case "boolean":
                return raw >= 0.5 ? max : 0;
            case "ratio":
            case "index":
                return Math.Min(1, Math.Max(0, raw)) * max;
            case "manual":
                return Math.Min(max, Math.Max(0, raw));
            case "goalposts":
                var fraction = rule.Direction == "down" ? (rule.High!.Value - raw) / (rule.High.Value - rule.Low!.Value) : (raw - rule.Low!.Value) / (rule.High!.Value - rule.Low.Value);
                return Math.Min(1, Math.Max(0, fraction)) * max;
            case "steps":
                var reached = rule.Steps!.Where(s => s.Min <= raw + 1e-9).ToList();
                return reached.Count == 0 ? 0 : reached.MaxBy(s => s.Min)!.Points;
            case "choice":
                var option = (int)raw;
                return option >= 0 && option < rule.Options!.Count ? rule.Options[option].Points : 0;
            default:
                throw new InvalidOperationException(rule.Kind);
        }
    }

    /// <summary>Competition rank: one more than the number of totals strictly above (beyond the tie tolerance).</summary>
    private static int ReferenceRank(double total, IEnumerable<double> totals) =>
        1 + totals.Count(t => t - total > Ranking.TieTolerance * Math.Max(1, Math.Abs(total)));

    [Theory]
    [MemberData(nameof(Cohorts))]
    public void TheKernelAgreesWithAPlainComputation(string frameworkName, int units, int seed)
    {
        var definition = Definition(frameworkName);
        var framework = new CompiledFramework(definition);
        var indicators = definition.Indicators().Select(x => x.Indicator).ToList();
        var members = RandomCohort(framework, units, seed);
        var layout = CohortLayout.From(members.Select(m => m.UnitType).ToList(), members.Select(m => m.ClusterCodes).ToList());

        var result = CohortScoring.ScoreCohort(framework, members.Select(m => m.Raw).ToList(), layout);

        var points = members.Select(m => indicators.Select((indicator, i) => ReferencePoints(indicator, m.Raw[i])).ToArray()).ToList();
        var totals = points.Select(p => p.Sum()).ToList();
        Assert.Equal(units, result.Units);
        for (var u = 0; u < units; u++)
        {
            for (var i = 0; i < indicators.Count; i++)
            {
                Assert.Equal(points[u][i], result.PointsOf(u)[i], 12);
            }
            Assert.Equal(totals[u], result.Totals[u], 9);
            for (var k = 0; k < framework.Groups.Count; k++)
            {
                var group = framework.Groups[k];
                var earned = group.Indicators.Sum(i => points[u][i]);
                Assert.Equal(earned, result.GroupPoints[(u * framework.Groups.Count) + k], 9);
                if (group.Scored)
                {
                    Assert.Equal(earned / group.MaxPoints, result.GroupValues[(u * framework.Groups.Count) + k], 9);
                }
                else
                {
                    Assert.True(double.IsNaN(result.GroupValues[(u * framework.Groups.Count) + k]));
                }
            }
            for (var g = 0; g < framework.WeightGroupCodes.Length; g++)
            {
                var earned = Enumerable.Range(0, indicators.Count).Where(i => framework.WeightGroupOf[i] == g).Sum(i => points[u][i]);
                Assert.Equal(earned, result.WeightGroupPoints[(u * framework.WeightGroupCodes.Length) + g], 9);
            }
            Assert.Equal(framework.Band(totals[u]), result.Bands[u] < 0 ? null : framework.BandNames[result.Bands[u]]);

            var self = members[u];
            Assert.Equal(ReferenceRank(totals[u], totals), result.Rank[u]);
            Assert.Equal(ReferenceRank(totals[u], Enumerable.Range(0, units).Where(v => members[v].UnitType == self.UnitType).Select(v => totals[v])), result.RankInType[u]);
            var distinctClusters = self.ClusterCodes.Distinct().ToList();
            Assert.Equal(distinctClusters.Count, layout.ClusterStart[u + 1] - layout.ClusterStart[u]);
            for (var slot = layout.ClusterStart[u]; slot < layout.ClusterStart[u + 1]; slot++)
            {
                var cluster = layout.ClusterNames[layout.ClusterOf[slot]];
                var inCluster = Enumerable.Range(0, units).Where(v => members[v].ClusterCodes.Contains(cluster)).Select(v => totals[v]);
                Assert.Equal(ReferenceRank(totals[u], inCluster), result.RankInCluster[slot]);
            }
        }
        Assert.Equal(Enumerable.Range(0, units).OrderByDescending(u => totals[u]).Select(u => totals[u]), result.Order.Select(u => totals[u]), new Close());
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(40)]
    [InlineData(700)]
    public void TheApiResultIsBuiltFromTheKernelAndMatchesThePlainComputation(int units)
    {
        var framework = new CompiledFramework(Frameworks.EveryRule());
        var members = RandomCohort(framework, units, 99 + units);

        var cohort = CohortScoring.Compute(framework, members, uncertainty: new UncertaintyOptions(Samples: 0));

        var indicators = framework.Definition.Indicators().Select(x => x.Indicator).ToList();
        var totals = members.ToDictionary(m => m.UnitCode, m => indicators.Select((indicator, i) => ReferencePoints(indicator, m.Raw[i])).Sum());
        Assert.Equal(units, cohort.Units.Count);
        foreach (var unit in cohort.Units)
        {
            var member = members.Single(m => m.UnitCode == unit.UnitCode);
            Assert.Equal(totals[unit.UnitCode], unit.Total, 9);
            Assert.Equal(framework.Band(totals[unit.UnitCode]), unit.Band);
            Assert.Equal(ReferenceRank(totals[unit.UnitCode], totals.Values), unit.Rank);
            Assert.Equal(ReferenceRank(totals[unit.UnitCode], members.Where(m => m.UnitType == member.UnitType).Select(m => totals[m.UnitCode])), unit.RankInType);
            Assert.Equal(member.ClusterCodes.Distinct().OrderBy(c => c, StringComparer.Ordinal), unit.RankInClusters.Keys.OrderBy(c => c, StringComparer.Ordinal));
            foreach (var (cluster, rank) in unit.RankInClusters)
            {
                Assert.Equal(ReferenceRank(totals[unit.UnitCode], members.Where(m => m.ClusterCodes.Contains(cluster)).Select(m => totals[m.UnitCode])), rank);
            }
            Assert.Equal(new RankInterval(unit.Rank, unit.Rank, unit.Rank), unit.Uncertainty);
        }
        Assert.Equal(cohort.Units.Select(u => u.Rank).Order(), cohort.Units.Select(u => u.Rank));
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(2, 5)]
    [InlineData(500, 2)]
    [InlineData(3000, 3)]
    public void OrderingByTotalIsExactEvenForTotalsCloserThanTheRadixKeySees(int units, int seed)
    {
        var random = new Random(seed);
        // Clusters of totals within a millionth of each other (more than 32 in a run, and fewer), exact duplicates, zeros.
        var totals = Enumerable.Range(0, units).Select(_ => random.Next(4) switch
        {
            0 => 500 + (random.NextDouble() * 1e-7),
            1 => 250 + (random.Next(3) * 1e-12),
            2 => 0.0,
            _ => random.NextDouble() * 1000,
        }).ToArray();
        var order = new int[units];

        Ranking.OrderDescending(totals, new ulong[2 * units], order);

        Assert.Equal(Enumerable.Range(0, units), order.Order());
        for (var k = 1; k < units; k++)
        {
            Assert.True(totals[order[k - 1]] >= totals[order[k]], $"position {k}");
        }
        var ranks = new int[units];
        Ranking.CompetitionFromOrder(totals, order, ranks);
        Assert.Equal(Ranking.Competition(totals), ranks);
    }

    public static TheoryData<int, int, int, double> UncertaintyCases() => new()
    {
        { 1, 1, 3, 0.25 },
        { 2, 7, 3, 0.25 },
        { 3, 50, 1, 0.5 },
        { 60, 200, 9, 0.25 },
        { 400, 101, 6, 0.1 },
    };

    [Theory]
    [MemberData(nameof(UncertaintyCases))]
    public void UncertaintyAgreesWithAFullSortOfEverySample(int units, int samples, int groups, double spread)
    {
        var random = new Random(units + samples);
        var groupPoints = new double[units * groups];
        for (var u = 0; u < units; u++)
        {
            for (var g = 0; g < groups; g++)
            {
                // Every fifth unit repeats the one before it (a tie in every sample); some groups score nothing.
                groupPoints[(u * groups) + g] = u % 5 == 4 ? groupPoints[((u - 1) * groups) + g] : random.Next(6) == 0 ? 0 : random.NextDouble() * 100;
            }
        }
        var options = new UncertaintyOptions(samples, spread, Seed: 4242);

        var fast = RankUncertainty.Compute(groupPoints, units, groups, options);

        // The same weights from the same seed, drawn in the same order; then a full sort per sample.
        var draw = new Random(options.Seed);
        var weights = new double[samples, groups];
        for (var s = 0; s < samples; s++)
        {
            for (var g = 0; g < groups; g++)
            {
                weights[s, g] = 1 - spread + (2 * spread * draw.NextDouble());
            }
        }
        var ranksOf = Enumerable.Range(0, units).Select(_ => new List<int>()).ToList();
        for (var s = 0; s < samples; s++)
        {
            var totals = new double[units];
            for (var u = 0; u < units; u++)
            {
                for (var g = 0; g < groups; g++)
                {
                    totals[u] += weights[s, g] * groupPoints[(u * groups) + g];
                }
            }
            var sorted = Enumerable.Range(0, units).OrderByDescending(u => totals[u]).ToList();
            var rank = new int[units];
            for (var k = 0; k < units; k++)
            {
                var tied = k > 0 && Math.Abs(totals[sorted[k - 1]] - totals[sorted[k]]) <= Ranking.TieTolerance * Math.Max(1, Math.Abs(totals[sorted[k]]));
                rank[sorted[k]] = tied ? rank[sorted[k - 1]] : k + 1;
                ranksOf[sorted[k]].Add(rank[sorted[k]]);
            }
        }
        for (var u = 0; u < units; u++)
        {
            var sortedRanks = ranksOf[u].Order().ToArray();
            Assert.Equal(Percentile7(sortedRanks, 0.5), fast[u].Median, 9);
            Assert.Equal(Percentile7(sortedRanks, 0.05), fast[u].P5, 9);
            Assert.Equal(Percentile7(sortedRanks, 0.95), fast[u].P95, 9);
        }
        Assert.Equal(RankUncertainty.Weights(samples, groups, options), Enumerable.Range(0, samples * groups).Select(k => weights[k / groups, k % groups]));
    }

    /// <summary>Hyndman and Fan's type 7: h = (n − 1)p, interpolated between the values at floor(h) and floor(h) + 1.</summary>
    private static double Percentile7(int[] sorted, double p)
    {
        var h = (sorted.Length - 1) * p;
        var lo = (int)Math.Floor(h);
        var hi = Math.Min(lo + 1, sorted.Length - 1);
        return sorted[lo] + ((h - lo) * (sorted[hi] - sorted[lo]));
    }

    private sealed class Close : IEqualityComparer<double>
    {
        public bool Equals(double x, double y) => Math.Abs(x - y) <= 1e-9;

        public int GetHashCode(double obj) => 0;
    }
}
