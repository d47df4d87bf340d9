using ThiDua.Core.Assessment;

namespace ThiDua.Benchmarks;

/// <summary>
/// The floor: the least any engine must do to score a cohort — apply each indicator's rule to its raw value and
/// add the points up per unit, in one plain loop on one thread, nothing stored but the totals (no points, no groups,
/// no bands, no ranks). Its rule tables are built here from the framework's definition, independently of the engine.
/// </summary>
public sealed class Floor
{
    private readonly RuleKind[] _kind;
    private readonly double[] _max;
    private readonly double[] _low;
    private readonly double[] _high;
    private readonly bool[] _down;
    private readonly double[][] _stepMin;
    private readonly double[][] _stepPoints;
    private readonly double[][] _optionPoints;

    public Floor(FrameworkDefinition definition)
    {
        var indicators = definition.Indicators().Select(x => x.Indicator).ToList();
        _kind = indicators.Select(i => RuleKinds.TryParse(i.Rule.Kind, out var k) ? k : throw new InvalidOperationException(i.Code)).ToArray();
        _max = indicators.Select(i => i.MaxPoints).ToArray();
        _low = indicators.Select(i => i.Rule.Low ?? 0).ToArray();
        _high = indicators.Select(i => i.Rule.High ?? 0).ToArray();
        _down = indicators.Select(i => i.Rule.Direction == "down").ToArray();
        _stepMin = indicators.Select(i => (i.Rule.Steps ?? []).OrderBy(s => s.Min).Select(s => s.Min).ToArray()).ToArray();
        _stepPoints = indicators.Select(i => (i.Rule.Steps ?? []).OrderBy(s => s.Min).Select(s => s.Points).ToArray()).ToArray();
        _optionPoints = indicators.Select(i => (i.Rule.Options ?? []).Select(o => o.Points).ToArray()).ToArray();
    }

    public void Totals(double[][] raw, double[] totals)
    {
        var kind = _kind;
        var max = _max;
        for (var u = 0; u < raw.Length; u++)
        {
            var row = raw[u];
            var total = 0.0;
            for (var i = 0; i < row.Length; i++)
            {
                var r = row[i];
                if (double.IsNaN(r))
                {
                    continue;
                }
                switch (kind[i])
                {
                    case RuleKind.Boolean:
                        total += r >= 0.5 ? max[i] : 0;
                        break;
                    case RuleKind.Ratio:
                    case RuleKind.Index:
                        total += Math.Clamp(r, 0, 1) * max[i];
                        break;
                    case RuleKind.Manual:
                        total += Math.Clamp(r, 0, max[i]);
                        break;
                    case RuleKind.Goalposts:
                        var fraction = _down[i] ? (_high[i] - r) / (_high[i] - _low[i]) : (r - _low[i]) / (_high[i] - _low[i]);
                        total += Math.Clamp(fraction, 0, 1) * max[i];
                        break;
                    case RuleKind.Steps:
                        var mins = _stepMin[i];
                        var points = 0.0;
                        for (var s = 0; s < mins.Length && mins[s] <= r + 1e-9; s++)
                        {
                            points = _stepPoints[i][s];
                        }
                        total += points;
                        break;
                    case RuleKind.Choice:
                        var option = (int)r;
                        var options = _optionPoints[i];
                        total += option >= 0 && option < options.Length ? options[option] : 0;
                        break;
                }
            }
            totals[u] = total;
        }
    }
}
