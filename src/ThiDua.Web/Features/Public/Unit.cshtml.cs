using System.Text.Json;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ThiDua.Web.Features.Initiatives;

namespace ThiDua.Web.Features.Public;

/// <summary>A unit's public profile: its published results over the years through lineage, its rewards and its published initiatives.</summary>
[Authorize(Policy = Policies.Public)]
public sealed class UnitModel(PortalService portal, InitiativeService initiatives) : PageModel
{
    public PublicUnitProfile Profile { get; private set; } = null!;

    /// <summary>The unit's published initiatives and models (R14: they appear on the unit's public profile).</summary>
    public IReadOnlyList<OpenInitiativeDto> Initiatives { get; private set; } = [];

    /// <summary>The unit's own score per year (the mean of its predecessors' in a year before it existed); null when it has none.</summary>
    public string? ChartJson { get; private set; }
    public string ChartText { get; private set; } = "";

    public async Task OnGetAsync(string code)
    {
        Profile = await portal.UnitAsync(code, HttpContext.RequestAborted)
            ?? throw new NotFoundException($"Không có đơn vị mã {code}.");
        Initiatives = await initiatives.PublishedForUnitAsync(code, HttpContext.RequestAborted);
        var years = Profile.History.GroupBy(h => h.Year).OrderBy(g => g.Key)
            .Select(g => (Year: g.Key, Score: Math.Round(g.Any(h => h.Own) ? g.First(h => h.Own).Score100 : g.Average(h => h.Score100), 2))).ToList();
        if (years.Count > 0)
        {
            ChartJson = JsonSerializer.Serialize(new { years = years.Select(y => y.Year), scores = years.Select(y => y.Score), label = "Điểm /100" });
            ChartText = string.Join("; ", years.Select(y => $"{y.Year}: {Display.Number(y.Score, 2)}"));
        }
    }
}
