using Microsoft.AspNetCore.Mvc.RazorPages;
using ThiDua.Core.Rewards;
using ThiDua.Core.Text;

namespace ThiDua.Web.Features.Rewards;

/// <summary>The reward history: search by person, unit, year, award and decision; XLSX export; the 15 December statistics.</summary>
[Authorize(Policy = Policies.SignedIn)]
public sealed class HistoryModel(RewardHistoryService history, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    [BindProperty(SupportsGet = true, Name = "nam")]
    public int? Year { get; set; }

    [BindProperty(SupportsGet = true, Name = "donVi")]
    public string? UnitCode { get; set; }

    [BindProperty(SupportsGet = true, Name = "hinhThuc")]
    public AwardLevel? Award { get; set; }

    [BindProperty(SupportsGet = true, Name = "quyetDinh")]
    public string? Decision { get; set; }

    public IReadOnlyList<RewardDto> Items { get; private set; } = [];
    public int Total { get; private set; }
    public RewardStatistics Statistics { get; private set; } = null!;

    public string ExportQuery => QueryString.Create(new Dictionary<string, string?>
    {
        ["q"] = Q, ["year"] = Year?.ToString(System.Globalization.CultureInfo.InvariantCulture), ["unitCode"] = UnitCode,
        ["award"] = Award is { } a ? ApiCodes.Code(a) : null, ["decision"] = Decision,
    }.Where(kv => !string.IsNullOrWhiteSpace(kv.Value))).ToString();

    public async Task OnGetAsync()
    {
        try
        {
            var page = await history.SearchAsync(new RewardQuery(Q, Year, UnitCode, Award, Decision), Paging.FirstLargest);
            (Items, Total) = (page.Items, page.Total);
        }
        catch (DomainException e)
        {
            ModelState.AddModelError(string.Empty, e.Message);
        }
        Statistics = await history.StatisticsAsync(Year ?? VietnamTime.Today(clock).Year);
    }
}
