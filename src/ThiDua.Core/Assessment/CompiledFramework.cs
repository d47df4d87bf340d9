using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;
using ThiDua.Core.Errors;

namespace ThiDua.Core.Assessment;

/// <summary>A group of the tree with the indicators under it (at any depth), for group values.</summary>
public sealed record GroupInfo(string Code, string Name, int Depth, int ParentIndex, double MaxPoints, int[] Indicators)
{
    /// <summary>A group with 0 points is collected but not scored (smart city in the national index).</summary>
    public bool Scored => MaxPoints > 0;
}

/// <summary>
/// A validated framework prepared once for scoring: every indicator's rule as flat arrays indexed by indicator
/// position, so scoring a unit is a loop over doubles — no dictionaries, no EF entities (it must score 3,321
/// communes × 300 indicators in milliseconds). Values are held as one double per indicator ("raw"): 1/0 for
/// boolean, the fraction for ratio, the number for steps and goalposts, the option's position for choice, the
/// 0–1 value for index, the points for manual; NaN means missing and scores 0.
/// </summary>
public sealed class CompiledFramework
{
    private const double Tolerance = 1e-9;

    private readonly Dictionary<string, int> _indexOf;
    private readonly double[] _low;
    private readonly double[] _high;
    private readonly bool[] _down;
    private readonly int[] _stepStart;
    private readonly int[] _stepCount;
    private readonly double[] _stepMin;
    private readonly double[] _stepPoints;
    private readonly int[] _optionStart;
    private readonly int[] _optionCount;
    private readonly string[] _optionCode;
    private readonly double[] _optionPoints;
    private readonly (string Name, double MinFraction)[] _bandsDescending;

    public CompiledFramework(FrameworkDefinition definition)
    {
        FrameworkValidator.Validate(definition);
        Definition = definition;
        var indicators = definition.Indicators().ToList();
        var n = indicators.Count;
        IndicatorCount = n;
        Codes = new string[n];
        Names = new string[n];
        MaxPoints = new double[n];
        Kinds = new RuleKind[n];
        EvidenceRequired = new bool[n];
        WeightGroupOf = new int[n];
        _low = new double[n];
        _high = new double[n];
        _down = new bool[n];
        _stepStart = new int[n];
        _stepCount = new int[n];
        _optionStart = new int[n];
        _optionCount = new int[n];
        var stepMin = new List<double>();
        var stepPoints = new List<double>();
        var optionCode = new List<string>();
        var optionPoints = new List<double>();
        var weightGroups = new List<GroupDefinition>();
        _indexOf = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);

        for (var i = 0; i < n; i++)
        {
            var (indicator, group) = indicators[i];
            Codes[i] = indicator.Code.Trim();
            Names[i] = indicator.Name;
            MaxPoints[i] = indicator.MaxPoints;
            // The validator has already refused unknown kinds.
            var kind = RuleKinds.TryParse(indicator.Rule.Kind, out var parsed) ? parsed : throw new InvalidOperationException(indicator.Code);
            Kinds[i] = kind;
            EvidenceRequired[i] = indicator.EvidenceRequired;
            _indexOf[Codes[i]] = i;

            var weightGroup = weightGroups.IndexOf(group);
            if (weightGroup < 0)
            {
                weightGroups.Add(group);
                weightGroup = weightGroups.Count - 1;
            }
            WeightGroupOf[i] = weightGroup;

            var rule = indicator.Rule;
            switch (kind)
            {
                case RuleKind.Goalposts:
                    _low[i] = rule.Low!.Value;
                    _high[i] = rule.High!.Value;
                    _down[i] = rule.Direction == "down";
                    break;
                case RuleKind.Steps:
                    _stepStart[i] = stepMin.Count;
                    _stepCount[i] = rule.Steps!.Count;
                    foreach (var step in rule.Steps.OrderBy(s => s.Min))
                    {
                        stepMin.Add(step.Min);
                        stepPoints.Add(step.Points);
                    }
                    break;
                case RuleKind.Choice:
                    _optionStart[i] = optionCode.Count;
                    _optionCount[i] = rule.Options!.Count;
                    foreach (var option in rule.Options)
                    {
                        optionCode.Add(option.Code.Trim());
                        optionPoints.Add(option.Points);
                    }
                    break;
            }
        }
        _stepMin = [.. stepMin];
        _stepPoints = [.. stepPoints];
        _optionCode = [.. optionCode];
        _optionPoints = [.. optionPoints];

        WeightGroupCodes = weightGroups.Select(g => g.Code.Trim()).ToArray();
        WeightGroupMax = weightGroups.Select(g => g.Indicators.Sum(i => i.MaxPoints)).ToArray();

        var groups = new List<GroupInfo>();
        void Walk(IEnumerable<GroupDefinition> level, int depth, int parent)
        {
            foreach (var group in level)
            {
                var indices = group.AllIndicators().Select(i => _indexOf[i.Code.Trim()]).ToArray();
                groups.Add(new GroupInfo(group.Code.Trim(), group.Name, depth, parent, indices.Sum(x => MaxPoints[x]), indices));
                Walk(group.Children, depth + 1, groups.Count - 1);
            }
        }
        Walk(definition.Groups, 0, -1);
        Groups = groups;
        ScaleMax = definition.ScaleMax;
        _bandsDescending = definition.Bands.OrderByDescending(b => b.MinFraction).Select(b => (b.Name.Trim(), b.MinFraction)).ToArray();
        BandNames = _bandsDescending.Select(b => b.Name).ToArray();
        BuildPlan();
    }

    /// <summary>The indicators of weight group g are positions WeightGroupStart[g] .. WeightGroupStart[g + 1] (contiguous: tree order).</summary>
    internal int[] WeightGroupStart { get; private set; } = [];

    /// <summary>For each group of <see cref="Groups"/>, the weight groups under it (CSR: offsets and weight-group indices).</summary>
    internal int[] TreeGroupStart { get; private set; } = [];
    internal int[] TreeGroupWeightGroups { get; private set; } = [];

    // What the cohort kernel (CohortScoring.ScoreCohort) needs beside the rule arrays: each weight group as one range
    // of positions, so a unit is scored in one pass per group, and each tree group as a sum of weight groups, so a
    // group's points never need a second pass over the indicators.
    private void BuildPlan()
    {
        var weightGroups = WeightGroupCodes.Length;
        var rangeStart = new int[weightGroups + 1];
        for (var i = IndicatorCount - 1; i >= 0; i--)
        {
            rangeStart[WeightGroupOf[i]] = i;
        }
        rangeStart[weightGroups] = IndicatorCount;
        WeightGroupStart = rangeStart;

        // A weight group lies wholly inside a tree group or wholly outside it, so its first indicator decides.
        var treeStart = new int[Groups.Count + 1];
        var treeWeights = new List<int>();
        for (var k = 0; k < Groups.Count; k++)
        {
            treeStart[k] = treeWeights.Count;
            var members = new HashSet<int>(Groups[k].Indicators);
            for (var g = 0; g < weightGroups; g++)
            {
                if (members.Contains(rangeStart[g]))
                {
                    treeWeights.Add(g);
                }
            }
        }
        treeStart[Groups.Count] = treeWeights.Count;
        TreeGroupStart = treeStart;
        TreeGroupWeightGroups = [.. treeWeights];
    }

    /// <summary>The bands, highest threshold first; <see cref="BandIndex"/> points into this list.</summary>
    public string[] BandNames { get; }

    /// <summary>The position in <see cref="BandNames"/> of the band of a total, or −1 when no band applies.</summary>
    public int BandIndex(double total)
    {
        var fraction = Math.Round(total / ScaleMax, 9);
        for (var b = 0; b < _bandsDescending.Length; b++)
        {
            if (fraction >= _bandsDescending[b].MinFraction - Tolerance)
            {
                return b;
            }
        }
        return -1;
    }

    /// <summary>
    /// Points of indicators [from, to) of one unit written at their positions, and their sum: the cohort kernel's
    /// inner loop, the same arithmetic as <see cref="Points"/> inlined (a call per value costs more than the rule).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal double ScoreRange(int from, int to, double[] raw, Span<double> points)
    {
        var kinds = Kinds;
        var max = MaxPoints;
        var sum = 0.0;
        for (var i = from; i < to; i++)
        {
            var r = raw[i];
            double p;
            if (double.IsNaN(r))
            {
                p = 0;
            }
            else
            {
                switch (kinds[i])
                {
                    case RuleKind.Boolean:
                        p = r >= 0.5 ? max[i] : 0;
                        break;
                    case RuleKind.Ratio:
                    case RuleKind.Index:
                        p = Math.Clamp(r, 0, 1) * max[i];
                        break;
                    case RuleKind.Manual:
                        p = Math.Clamp(r, 0, max[i]);
                        break;
                    case RuleKind.Goalposts:
                        var low = _low[i];
                        var high = _high[i];
                        p = Math.Clamp(_down[i] ? (high - r) / (high - low) : (r - low) / (high - low), 0, 1) * max[i];
                        break;
                    case RuleKind.Steps:
                        p = 0;
                        for (int s = _stepStart[i], last = s + _stepCount[i]; s < last && _stepMin[s] <= r + Tolerance; s++)
                        {
                            p = _stepPoints[s];
                        }
                        break;
                    case RuleKind.Choice:
                        var option = (int)r;
                        p = option >= 0 && option < _optionCount[i] ? _optionPoints[_optionStart[i] + option] : 0;
                        break;
                    default:
                        p = 0;
                        break;
                }
            }
            points[i] = p;
            sum += p;
        }
        return sum;
    }

    public FrameworkDefinition Definition { get; }
    public int IndicatorCount { get; }
    public string[] Codes { get; }
    public string[] Names { get; }
    public double[] MaxPoints { get; }
    public RuleKind[] Kinds { get; }
    public bool[] EvidenceRequired { get; }
    public double ScaleMax { get; }

    /// <summary>The groups that hold indicators directly: the main indices whose weights the uncertainty analysis varies.</summary>
    public string[] WeightGroupCodes { get; }
    public double[] WeightGroupMax { get; }
    public int[] WeightGroupOf { get; }

    /// <summary>Every group in tree order (pre-order), with the indicators under it.</summary>
    public IReadOnlyList<GroupInfo> Groups { get; }

    public int IndexOf(string code) => _indexOf.TryGetValue(code.Trim(), out var i) ? i : -1;

    public bool Contains(string code) => _indexOf.ContainsKey(code.Trim());

    /// <summary>Points of indicator <paramref name="i"/> for its raw value; missing (NaN) scores 0.</summary>
    public double Points(int i, double raw)
    {
        if (double.IsNaN(raw))
        {
            return 0;
        }
        var max = MaxPoints[i];
        switch (Kinds[i])
        {
            case RuleKind.Boolean:
                return raw >= 0.5 ? max : 0;
            case RuleKind.Ratio:
                return Math.Clamp(raw, 0, 1) * max;
            case RuleKind.Index:
                return Math.Clamp(raw, 0, 1) * max;
            case RuleKind.Manual:
                return Math.Clamp(raw, 0, max);
            case RuleKind.Goalposts:
            {
                var low = _low[i];
                var high = _high[i];
                var fraction = _down[i] ? (high - raw) / (high - low) : (raw - low) / (high - low);
                return Math.Clamp(fraction, 0, 1) * max;
            }
            case RuleKind.Steps:
            {
                var points = 0.0;
                var start = _stepStart[i];
                var end = start + _stepCount[i];
                for (var s = start; s < end && _stepMin[s] <= raw + Tolerance; s++)
                {
                    points = _stepPoints[s];
                }
                return points;
            }
            case RuleKind.Choice:
            {
                var option = (int)raw;
                return option >= 0 && option < _optionCount[i] ? _optionPoints[_optionStart[i] + option] : 0;
            }
            default:
                return 0;
        }
    }

    /// <summary>Points of every indicator of one unit, and its total.</summary>
    public double Score(ReadOnlySpan<double> raw, Span<double> points)
    {
        var total = 0.0;
        for (var i = 0; i < IndicatorCount; i++)
        {
            var p = Points(i, raw[i]);
            points[i] = p;
            total += p;
        }
        return total;
    }

    /// <summary>The band of a total: the highest band whose threshold the fraction of the scale reaches (85/100 is "Tốt").</summary>
    public string? Band(double total)
    {
        // Rounded so that sums of decimal points (0.1 + 0.2 …) cannot fall a hair below an exact threshold.
        var fraction = Math.Round(total / ScaleMax, 9);
        foreach (var (name, min) in _bandsDescending)
        {
            if (fraction >= min - Tolerance)
            {
                return name;
            }
        }
        return null;
    }

    /// <summary>The band above <paramref name="total"/>'s band and its threshold in points, if any.</summary>
    public (string Name, double Threshold)? NextBand(double total)
    {
        var fraction = Math.Round(total / ScaleMax, 9);
        (string, double)? next = null;
        foreach (var (name, min) in _bandsDescending)
        {
            if (fraction < min - Tolerance)
            {
                next = (name, min * ScaleMax);
            }
        }
        return next;
    }

    public string OptionCode(int i, double raw) =>
        raw >= 0 && raw < _optionCount[i] ? _optionCode[_optionStart[i] + (int)raw] : "";

    /// <summary>
    /// Reads a value sent for indicator <paramref name="i"/> in the form its rule needs (number, boolean, option code,
    /// or {numerator, denominator}) and returns its raw double; null JSON means "no value". Faults name the indicator.
    /// </summary>
    public double ParseValue(int i, JsonElement value)
    {
        if (value.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined)
        {
            return double.NaN;
        }
        var code = Codes[i];
        DomainException Fault(string message) => DomainException.ForField(code, $"Chỉ tiêu {code}: {message}");
        if (value.ValueKind == JsonValueKind.String && Kinds[i] != RuleKind.Choice)
        {
            // Text where a number, a boolean or a ratio belongs ("75 %", "0,75", "3/4", "có") is read as a person writes it.
            return ParseText(i, value.GetString()).Raw;
        }
        double Number()
        {
            if (value.ValueKind == JsonValueKind.Number && value.TryGetDouble(out var d) && double.IsFinite(d))
            {
                return d;
            }
            throw Fault("cần một số.");
        }

        switch (Kinds[i])
        {
            case RuleKind.Boolean:
                return value.ValueKind switch
                {
                    JsonValueKind.True => 1,
                    JsonValueKind.False => 0,
                    JsonValueKind.Number when value.TryGetInt32(out var b) && b is 0 or 1 => b,
                    _ => throw Fault("cần true hoặc false."),
                };
            case RuleKind.Ratio:
                if (value.ValueKind == JsonValueKind.Object)
                {
                    if (!value.TryGetProperty("numerator", out var num) || !value.TryGetProperty("denominator", out var den)
                        || !num.TryGetDouble(out var n) || !den.TryGetDouble(out var d) || !double.IsFinite(n) || !double.IsFinite(d))
                    {
                        throw Fault("cần {numerator, denominator} là hai số.");
                    }
                    if (d <= 0 || n < 0)
                    {
                        throw Fault("tử số không được âm và mẫu số phải lớn hơn 0.");
                    }
                    return n / d;
                }
                var fraction = Number();
                if (fraction < 0)
                {
                    throw Fault("tỷ lệ không được âm.");
                }
                // API.md: a ratio is a fraction from 0 to 1. A bare 75 is not taken for 75 % (nor capped to full marks).
                return fraction > 1 + Tolerance
                    ? throw Fault($"tỷ lệ là số từ 0 đến 1 (ví dụ 0,75); phần trăm phải ghi kèm dấu % (ví dụ {fraction.ToString("0.##", CultureInfo.GetCultureInfo("vi-VN"))} %).")
                    : fraction;
            case RuleKind.Index:
                var index = Number();
                return index is < 0 or > 1 ? throw Fault("chỉ số phải từ 0 đến 1.") : index;
            case RuleKind.Manual:
                var points = Number();
                return points < 0 || points > MaxPoints[i] + Tolerance ? throw Fault($"điểm phải từ 0 đến {MaxPoints[i].ToString(CultureInfo.InvariantCulture)}.") : points;
            case RuleKind.Steps:
            case RuleKind.Goalposts:
                return Number();
            case RuleKind.Choice:
                var chosen = value.ValueKind == JsonValueKind.String ? value.GetString()?.Trim() : null;
                for (var o = 0; o < _optionCount[i]; o++)
                {
                    if (string.Equals(_optionCode[_optionStart[i] + o], chosen, StringComparison.OrdinalIgnoreCase))
                    {
                        return o;
                    }
                }
                throw Fault($"lựa chọn '{chosen}' không có; dùng một trong: {string.Join(", ", Enumerable.Range(0, _optionCount[i]).Select(o => _optionCode[_optionStart[i] + o]))}.");
            default:
                throw Fault("quy tắc không xác định.");
        }
    }

    /// <summary>
    /// Reads a value sent for indicator <paramref name="i"/> and returns it with the JSON to store: the JSON as sent, or
    /// for text where a number belongs ("75 %") the number it was read as.
    /// </summary>
    public (double Raw, string Json) Read(int i, JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Undefined or JsonValueKind.Null => (double.NaN, "null"),
        JsonValueKind.String when Kinds[i] != RuleKind.Choice => ParseText(i, value.GetString()),
        _ => (ParseValue(i, value), value.GetRawText()),
    };

    /// <summary>
    /// Reads text a person wrote for indicator <paramref name="i"/> (the form's box, a CSV cell) by the rules of
    /// <see cref="IndicatorText"/>, then as the API's value: the raw double and the JSON to store.
    /// <paramref name="percentBox"/> is true for the form's ratio box, which shows "%" after it.
    /// </summary>
    public (double Raw, string Json) ParseText(int i, string? text, bool percentBox = false)
    {
        var json = IndicatorText.ToJson(Kinds[i], text, percentBox, out var error)
            ?? throw DomainException.ForField(Codes[i], $"Chỉ tiêu {Codes[i]}: '{text?.Trim()}' không đọc được — {error}");
        using var document = JsonDocument.Parse(json);
        return (ParseValue(i, document.RootElement), json);
    }

    /// <summary>A raw value back in the API's form, for display and export.</summary>
    public object? DisplayValue(int i, double raw) => double.IsNaN(raw) ? null : Kinds[i] switch
    {
        RuleKind.Boolean => raw >= 0.5,
        RuleKind.Choice => OptionCode(i, raw),
        _ => raw,
    };
}
