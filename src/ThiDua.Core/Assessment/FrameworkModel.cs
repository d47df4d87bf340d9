using System.ComponentModel.DataAnnotations;

namespace ThiDua.Core.Assessment;

/// <summary>
/// The longest text each field of a framework may hold: checked by <see cref="FrameworkValidator"/> and declared on the
/// records with <c>[StringLength]</c>, so the OpenAPI document states the same limits.
/// </summary>
public static class FrameworkLimits
{
    public const int Code = 64;
    public const int Name = 500;
    public const int LongText = 4000;
    public const int Short = 64;
}

/// <summary>
/// A DTI framework as a document (API.md): year, unit type, scale, bands and the tree of groups → indicators.
/// Plain records that serialize to and from the API's JSON; <see cref="FrameworkValidator"/> checks them and
/// <see cref="CompiledFramework"/> turns a valid one into flat arrays for scoring.
/// </summary>
public sealed record FrameworkDefinition
{
    [StringLength(FrameworkLimits.Code)]
    public string Code { get; init; } = "";
    [StringLength(FrameworkLimits.Name)]
    public string Name { get; init; } = "";
    public int Year { get; init; }
    /// <summary>API unit type code: department, commune…</summary>
    [StringLength(FrameworkLimits.Short)]
    public string UnitType { get; init; } = "";
    public double ScaleMax { get; init; }
    public List<BandDefinition> Bands { get; init; } = [];
    public List<GroupDefinition> Groups { get; init; } = [];
    /// <summary>Marks a framework whose indicators are examples until the province imports its official set.</summary>
    public bool Illustrative { get; init; }
    [StringLength(FrameworkLimits.LongText)]
    public string? Description { get; init; }
}

/// <summary>A band ("Tốt", "Khá"…) starting at a fraction of the scale: 0.85 of 100 is 85 points.</summary>
public sealed record BandDefinition
{
    [StringLength(FrameworkLimits.Short)]
    public string Name { get; init; } = "";
    public double MinFraction { get; init; }
}

public sealed record GroupDefinition
{
    [StringLength(FrameworkLimits.Code)]
    public string Code { get; init; } = "";
    [StringLength(FrameworkLimits.Name)]
    public string Name { get; init; } = "";
    public List<GroupDefinition> Children { get; init; } = [];
    public List<IndicatorDefinition> Indicators { get; init; } = [];
}

public sealed record IndicatorDefinition
{
    [StringLength(FrameworkLimits.Code)]
    public string Code { get; init; } = "";
    [StringLength(FrameworkLimits.Name)]
    public string Name { get; init; } = "";
    public double MaxPoints { get; init; }
    public bool EvidenceRequired { get; init; }
    public RuleDefinition Rule { get; init; } = new();
    /// <summary>How the value is measured, for the person who fills it in.</summary>
    [StringLength(FrameworkLimits.LongText)]
    public string? Guidance { get; init; }
}

/// <summary>
/// How a value becomes points. <see cref="Kind"/>: boolean, ratio, steps, goalposts, choice, index, manual.
/// Only the fields of the kind are used.
/// </summary>
public sealed record RuleDefinition
{
    [StringLength(FrameworkLimits.Short)]
    public string Kind { get; init; } = "";
    public List<StepDefinition>? Steps { get; init; }
    public double? Low { get; init; }
    public double? High { get; init; }
    /// <summary>up: higher is better; down: lower is better.</summary>
    [StringLength(FrameworkLimits.Short)]
    public string? Direction { get; init; }
    public List<ChoiceOption>? Options { get; init; }
    /// <summary>Unit of the measured value, for display (%, ngày, hồ sơ…).</summary>
    [StringLength(FrameworkLimits.Short)]
    public string? Unit { get; init; }
}

/// <summary>From <see cref="Min"/> upwards the indicator earns <see cref="Points"/> (the highest step reached counts).</summary>
public sealed record StepDefinition
{
    public double Min { get; init; }
    public double Points { get; init; }
}

public sealed record ChoiceOption
{
    [StringLength(FrameworkLimits.Code)]
    public string Code { get; init; } = "";
    [StringLength(FrameworkLimits.Name)]
    public string? Label { get; init; }
    public double Points { get; init; }
}

public enum RuleKind
{
    Boolean,
    Ratio,
    Steps,
    Goalposts,
    Choice,
    Index,
    Manual,
}

public static class RuleKinds
{
    public static string Code(this RuleKind kind) => kind.ToString().ToLowerInvariant();

    public static bool TryParse(string? code, out RuleKind kind) =>
        Enum.TryParse(code?.Trim(), ignoreCase: true, out kind) && Enum.IsDefined(kind) && !int.TryParse(code, out _);

    public static string VietnameseName(this RuleKind kind) => kind switch
    {
        RuleKind.Boolean => "Có/Không",
        RuleKind.Ratio => "Tỷ lệ",
        RuleKind.Steps => "Theo mức",
        RuleKind.Goalposts => "Tuyến tính giữa hai mốc",
        RuleKind.Choice => "Lựa chọn",
        RuleKind.Index => "Chỉ số 0–1",
        RuleKind.Manual => "Thẩm định chấm",
        _ => kind.ToString(),
    };
}

/// <summary>Walks a framework tree.</summary>
public static class FrameworkTree
{
    public static IEnumerable<(GroupDefinition Group, int Depth, GroupDefinition? Parent)> Groups(this FrameworkDefinition framework)
    {
        static IEnumerable<(GroupDefinition, int, GroupDefinition?)> Walk(IEnumerable<GroupDefinition> groups, int depth, GroupDefinition? parent)
        {
            foreach (var group in groups)
            {
                yield return (group, depth, parent);
                foreach (var child in Walk(group.Children, depth + 1, group))
                {
                    yield return child;
                }
            }
        }
        return Walk(framework.Groups, 0, null);
    }

    public static IEnumerable<(IndicatorDefinition Indicator, GroupDefinition Group)> Indicators(this FrameworkDefinition framework) =>
        framework.Groups().SelectMany(g => g.Group.Indicators.Select(i => (i, g.Group)));

    public static IEnumerable<IndicatorDefinition> AllIndicators(this GroupDefinition group) =>
        group.Indicators.Concat(group.Children.SelectMany(AllIndicators));

    public static double MaxPoints(this GroupDefinition group) => group.AllIndicators().Sum(i => i.MaxPoints);
}
