using Microsoft.AspNetCore.Mvc.RazorPages;
using ThiDua.Core.Targets;
using ThiDua.Web.Features.Targets;

namespace ThiDua.Web.Features.Public;

/// <summary>
/// The targets dashboard for everyone (R8): every target of Resolution 09 with its goals, the measured values with
/// their source, whether it is on track, and a chart only where there is a measured value.
/// </summary>
[Authorize(Policy = Policies.Public)]
public sealed class TargetsModel(TargetService targets, TimeProvider clock) : PageModel
{
    public const string NoPublicFigure = "Chưa có số liệu công bố.";

    public int Year { get; private set; }
    public IReadOnlyList<TargetDto> Targets { get; private set; } = [];
    public IReadOnlyList<(TargetStatus Status, int Count)> Counts { get; private set; } = [];

    public async Task OnGetAsync()
    {
        Year = VietnamTime.Today(clock).Year;
        Targets = await targets.AllAsync(Year, HttpContext.RequestAborted);
        Counts = Enum.GetValues<TargetStatus>().Select(s => (s, Targets.Count(t => t.Status == s))).Where(c => c.Item2 > 0).ToList();
    }

    /// <summary>The measurement the latest value comes from: its year's last recorded one.</summary>
    public static MeasurementDto? LatestMeasurement(TargetDto target) =>
        target.Measurements.OrderBy(m => m.Year).ThenBy(m => m.RecordedAt).LastOrDefault();
}
