using Microsoft.AspNetCore.Mvc.RazorPages;
using System.Text.Json;

namespace ThiDua.Web.Features.Dashboard;

/// <summary>The leaders' dashboard (issue 12, item 5), each figure linking to its detail.</summary>
[Authorize(Policy = Policies.Leadership)]
public sealed class IndexModel(DashboardService dashboard) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "nam")]
    public int? Year { get; set; }

    public DashboardDto Data { get; private set; } = null!;

    public async Task OnGetAsync() => Data = await dashboard.BuildAsync(Year is >= 2000 and <= 2100 ? Year : null);

    /// <summary>The chart's data: one row per unit type, one series per band name (bands of the same name add up).</summary>
    public string ChartJson()
    {
        var bands = Data.Distribution.SelectMany(d => d.Bands.Select(b => b.Band)).Distinct().ToList();
        return JsonSerializer.Serialize(new
        {
            labels = Data.Distribution.Select(d => d.FrameworkName).ToList(),
            bands,
            counts = bands.Select(b => Data.Distribution.Select(d => d.Bands.Where(x => x.Band == b).Sum(x => x.Count)).ToList()).ToList(),
        });
    }
}
