using ThiDua.Core.Assessment;

namespace ThiDua.Benchmarks;

/// <summary>
/// A national-scale cohort: 3,321 communes assessed with a framework of 300 indicators in 10 main indices, every
/// rule kind present. Built once per benchmark run from a fixed seed.
/// </summary>
public static class NationalScale
{
    public const int Units = 3321;
    public const int Indicators = 300;
    public const int Groups = 10;

    public static FrameworkDefinition Framework()
    {
        var kinds = new[] { "boolean", "ratio", "steps", "goalposts", "choice", "index", "manual" };
        var groups = new List<GroupDefinition>();
        for (var g = 0; g < Groups; g++)
        {
            var indicators = new List<IndicatorDefinition>();
            for (var k = 0; k < Indicators / Groups; k++)
            {
                var code = $"I{g:D2}.{k:D2}";
                var kind = kinds[(g + k) % kinds.Length];
                indicators.Add(new IndicatorDefinition
                {
                    Code = code,
                    Name = code,
                    MaxPoints = 10,
                    Rule = kind switch
                    {
                        "steps" => new RuleDefinition { Kind = kind, Steps = [new() { Min = 0, Points = 0 }, new() { Min = 10, Points = 5 }, new() { Min = 20, Points = 10 }] },
                        "goalposts" => new RuleDefinition { Kind = kind, Low = 0, High = 100, Direction = k % 2 == 0 ? "up" : "down" },
                        "choice" => new RuleDefinition { Kind = kind, Options = [new() { Code = "A", Points = 10 }, new() { Code = "B", Points = 5 }, new() { Code = "C", Points = 0 }] },
                        _ => new RuleDefinition { Kind = kind },
                    },
                });
            }
            groups.Add(new GroupDefinition { Code = $"G{g:D2}", Name = $"Nhóm {g}", Indicators = indicators });
        }
        return new FrameworkDefinition
        {
            Code = "NATIONAL",
            Name = "Quy mô toàn quốc",
            Year = 2026,
            UnitType = "commune",
            ScaleMax = Indicators * 10,
            Bands = [new() { Name = "Tốt", MinFraction = 0.85 }, new() { Name = "Khá", MinFraction = 0.7 }, new() { Name = "Còn lại", MinFraction = 0 }],
            Groups = groups,
        };
    }

    public static List<CohortMember> Members(CompiledFramework framework)
    {
        var random = new Random(3321);
        var members = new List<CohortMember>(Units);
        for (var u = 0; u < Units; u++)
        {
            var level = random.NextDouble();
            var raw = new double[framework.IndicatorCount];
            for (var i = 0; i < raw.Length; i++)
            {
                var x = Math.Clamp(level + ((random.NextDouble() - 0.5) * 0.4), 0, 1);
                raw[i] = framework.Kinds[i] switch
                {
                    RuleKind.Boolean => x > 0.5 ? 1 : 0,
                    RuleKind.Steps => x * 25,
                    RuleKind.Goalposts => x * 100,
                    RuleKind.Choice => x > 0.7 ? 0 : x > 0.4 ? 1 : 2,
                    RuleKind.Manual => x * 10,
                    _ => x,
                };
            }
            members.Add(new CohortMember(u, $"X{u:D5}", $"Xã {u}", "commune", raw) { ClusterCodes = [$"CUM-{u % 100:D3}"] });
        }
        return members;
    }
}
