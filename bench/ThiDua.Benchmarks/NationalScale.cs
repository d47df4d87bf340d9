using ThiDua.Core.Assessment;

namespace ThiDua.Benchmarks;

/// <summary>
/// A seeded national-scale cohort: by default 3,321 communes, wards and special zones (the country since July 2025)
/// in 34 provinces, assessed with 300 indicators of every rule kind in 9 main indices on a 1,000-point scale.
/// About 1 % of values are missing and every 50th unit copies the one before it, so ties and missing values are
/// exercised. Built from a fixed seed: the same data on every run and every machine.
/// </summary>
public sealed record NationalScale(FrameworkDefinition Definition, CompiledFramework Framework, List<CohortMember> Members, double[][] Raw, CohortLayout Layout)
{
    public const int Units = 3321;
    public const int Indicators = 300;
    public const int Groups = 9;
    public const int Provinces = 34;
    public const double ScaleMax = 1000;

    /// <summary>The unit types in the proportions of the 2025 reform: 2,621 communes, 687 wards, 13 special zones.</summary>
    public static string TypeOf(double draw) => draw < 2621.0 / 3321 ? "commune" : draw < 3308.0 / 3321 ? "ward" : "special_zone";

    public static NationalScale Create(int units = Units, int indicators = Indicators, int seed = 3321)
    {
        var definition = BuildFramework(indicators);
        var framework = new CompiledFramework(definition);
        var random = new Random(seed);
        var members = new List<CohortMember>(units);
        for (var u = 0; u < units; u++)
        {
            var level = random.NextDouble();
            var type = TypeOf(random.NextDouble());
            var raw = new double[framework.IndicatorCount];
            if (u % 50 == 49)
            {
                members[u - 1].Raw.CopyTo(raw, 0);   // an exact tie with the unit before
            }
            else
            {
                for (var i = 0; i < raw.Length; i++)
                {
                    var x = Math.Clamp(level + ((random.NextDouble() - 0.5) * 0.4), 0, 1);
                    raw[i] = random.NextDouble() < 0.01 ? double.NaN : framework.Kinds[i] switch
                    {
                        RuleKind.Boolean => x > 0.5 ? 1 : 0,
                        RuleKind.Steps => x * 25,
                        RuleKind.Goalposts => x * 100,
                        RuleKind.Choice => x > 0.7 ? 0 : x > 0.4 ? 1 : 2,
                        RuleKind.Manual => x * framework.MaxPoints[i],
                        _ => x,
                    };
                }
            }
            // Each commune is ranked in its province; every tenth also in a national bloc of pilot units.
            IReadOnlyList<string> clusters = u % 10 == 0 ? [$"TINH-{u % Provinces:D2}", "KHOI-THI-DIEM"] : [$"TINH-{u % Provinces:D2}"];
            members.Add(new CohortMember(u, $"X{u:D5}", $"Xã {u}", type, raw) { ClusterCodes = clusters });
        }
        var layout = CohortLayout.From(members.Select(m => m.UnitType).ToList(), members.Select(m => m.ClusterCodes).ToList());
        return new NationalScale(definition, framework, members, members.Select(m => m.Raw).ToArray(), layout);
    }

    /// <summary>Indicators spread over 9 main indices; rule kinds in turn so every index has every kind.</summary>
    public static FrameworkDefinition BuildFramework(int indicators = Indicators)
    {
        var kinds = new[] { "boolean", "ratio", "steps", "goalposts", "choice", "index", "manual" };
        var max = ScaleMax / indicators;
        var groups = new List<GroupDefinition>();
        for (var g = 0; g < Groups; g++)
        {
            var list = new List<IndicatorDefinition>();
            for (var i = g * indicators / Groups; i < (g + 1) * indicators / Groups; i++)
            {
                var code = $"I{g}.{i:D3}";
                var kind = kinds[i % kinds.Length];
                list.Add(new IndicatorDefinition
                {
                    Code = code,
                    Name = code,
                    MaxPoints = max,
                    Rule = kind switch
                    {
                        "steps" => new RuleDefinition { Kind = kind, Steps = [new() { Min = 0, Points = 0 }, new() { Min = 10, Points = max / 2 }, new() { Min = 20, Points = max }] },
                        "goalposts" => new RuleDefinition { Kind = kind, Low = 0, High = 100, Direction = i % 2 == 0 ? "up" : "down" },
                        "choice" => new RuleDefinition { Kind = kind, Options = [new() { Code = "A", Points = max }, new() { Code = "B", Points = max / 2 }, new() { Code = "C", Points = 0 }] },
                        _ => new RuleDefinition { Kind = kind },
                    },
                });
            }
            groups.Add(new GroupDefinition { Code = $"G{g}", Name = $"Chỉ số chính {g + 1}", Indicators = list });
        }
        return new FrameworkDefinition
        {
            Code = "NATIONAL",
            Name = "Quy mô toàn quốc",
            Year = 2026,
            UnitType = "commune",
            ScaleMax = ScaleMax,
            Bands = [new() { Name = "Tốt", MinFraction = 0.85 }, new() { Name = "Khá", MinFraction = 0.7 }, new() { Name = "Trung bình", MinFraction = 0.5 }, new() { Name = "Yếu", MinFraction = 0 }],
            Groups = groups,
        };
    }
}
