using System.Text.Json;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ThiDua.Data.Assessment;
using ThiDua.Web.Features.Assessment;

namespace ThiDua.Web.Features.Public;

/// <summary>
/// The published rankings for everyone, without login (R16): only what the Secretariat published, with the pillars'
/// columns, the distribution of scores and each unit's rank interval (the Monte Carlo 5–95 % ranks) in plain words.
/// </summary>
[Authorize(Policy = Policies.Public)]
public sealed class ResultsModel(PortalService portal) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "bo-chi-so")]
    public string? FrameworkCode { get; set; }

    public IReadOnlyList<Framework> Published { get; private set; } = [];

    /// <summary>The newest published framework of each unit type: the quick choices above the list.</summary>
    public IReadOnlyList<Framework> Latest { get; private set; } = [];
    public ResultsDto? Results { get; private set; }
    public IReadOnlyList<GroupHeader> Columns { get; private set; } = [];
    public Dictionary<string, int> ColumnIndex { get; private set; } = [];
    public string DistributionJson { get; private set; } = "{}";
    public string DistributionText { get; private set; } = "";

    public async Task OnGetAsync()
    {
        Published = await portal.PublishedFrameworksAsync(HttpContext.RequestAborted);
        Latest = Published.GroupBy(f => f.UnitType).OrderBy(g => g.Key).Select(g => g.First()).ToList();
        var code = Published.Any(f => f.Code == FrameworkCode) ? FrameworkCode : Latest.Count > 0 ? Latest[0].Code : null;
        if (code is null)
        {
            return;
        }
        Results = await portal.PublishedAsync(code, HttpContext.RequestAborted);
        if (Results is not null)
        {
            Columns = Results.GroupColumns.Where(g => g.Depth == 1 && g.Scored).ToList();
            ColumnIndex = Results.GroupColumns.Select((g, k) => (g.Code, k)).ToDictionary(x => x.Code, x => x.k);
            var bins = Distribution(Results.Items.Select(i => i.Score100));
            DistributionJson = JsonSerializer.Serialize(new { labels = bins.Select(b => b.Label), counts = bins.Select(b => b.Count), label = "Số đơn vị" });
            DistributionText = string.Join("; ", bins.Where(b => b.Count > 0).Select(b => $"{b.Label} điểm: {b.Count}"));
        }
    }

    /// <summary>Scores out of 100 counted in ten-point bins, the last one closed (90–100).</summary>
    public static IReadOnlyList<(string Label, int Count)> Distribution(IEnumerable<double> scores)
    {
        var counts = new int[10];
        foreach (var score in scores)
        {
            counts[Math.Clamp((int)Math.Floor(score / 10), 0, 9)]++;
        }
        return counts.Select((c, k) => ($"{k * 10}–{(k + 1) * 10}", c)).ToList();
    }
}
