using ThiDua.Core.Assessment;
using ThiDua.Web.Features.Assessment;
using ThiDua.Web.Features.Units;

namespace ThiDua.Web.Features.Results;

/// <summary>The ranking table: group columns, bands in colour, filters by cluster and unit type, rank interval, export, publication.</summary>
[Authorize(Policy = Policies.SignedIn)]
public sealed class IndexModel(FrameworkService frameworks, ResultsService results, ClusterService clusters, CurrentUser user) : CommandPageModel
{
    [BindProperty(SupportsGet = true, Name = "bo-chi-so")]
    public string? FrameworkCode { get; set; }

    [BindProperty(SupportsGet = true, Name = "cum")]
    public string? ClusterCode { get; set; }

    [BindProperty(SupportsGet = true, Name = "loai")]
    public string? UnitType { get; set; }

    public IReadOnlyList<FrameworkSummary> Frameworks { get; private set; } = [];
    public IReadOnlyList<ClusterDto> Clusters { get; private set; } = [];
    public ResultsDto? Results { get; private set; }
    public IReadOnlyList<GroupHeader> Columns { get; private set; } = [];
    public Dictionary<string, int> ColumnIndex { get; private set; } = [];
    public bool CanPublish { get; private set; }
    public bool Live => user.ReadsEveryUnit;
    public string Unavailable { get; private set; } = "Chưa có bộ chỉ số nào.";

    public string FlagText(string flag) => flag switch
    {
        AnomalyFlags.AppraisalGap => "Điểm thẩm định thấp hơn điểm tự đánh giá từ 10 % thang điểm trở lên",
        AnomalyFlags.YearOverYearJump => "Mức thay đổi so với năm trước vượt 3 độ lệch chuẩn của các đơn vị khác",
        _ => flag,
    };

    public async Task OnGetAsync() => await LoadAsync();

    /// <summary>The units a publication now would leave out; set when the Secretariat must confirm (the page lists them).</summary>
    public IReadOnlyList<UnappraisedUnit>? Unappraised { get; private set; }

    /// <summary>How many units are not appraised yet, for the Secretariat's "Công bố" button (0 when all are).</summary>
    public int UnappraisedCount { get; private set; }

    /// <summary>
    /// "Công bố": when units of the cohort are not appraised yet the page names them and asks first; publishing then
    /// (<paramref name="xacNhan"/>) leaves them out of the ranking, which can be published again once they are appraised.
    /// </summary>
    public async Task<IActionResult> OnPostPublishAsync(bool xacNhan)
    {
        if (!await user.HasPolicyAsync(Policies.Secretariat))
        {
            return Forbid();
        }
        return await RunAsync(async () =>
        {
            if (!xacNhan && await results.UnappraisedAsync(FrameworkCode ?? "") is { Count: > 0 } pending)
            {
                await LoadAsync();
                Unappraised = pending;
                return Page();
            }
            var publication = await results.PublishAsync(FrameworkCode ?? "");
            TempData["Message"] = $"Đã công bố kết quả {publication.FrameworkCode} ({publication.Units} đơn vị)."
                + (publication.Unappraised is { Count: > 0 } left ? $" {left.Count} đơn vị chưa thẩm định xong không có trong kết quả công bố." : "");
            return Redirect($"/ket-qua?bo-chi-so={Uri.EscapeDataString(publication.FrameworkCode)}");
        }, LoadAsync);
    }

    private async Task LoadAsync()
    {
        Frameworks = (await frameworks.ListAsync(null, null, Paging.FirstLargest)).Items;
        CanPublish = await user.HasPolicyAsync(Policies.Secretariat);
        FrameworkCode ??= Frameworks.FirstOrDefault(f => f.PublishedAt is not null || user.ReadsEveryUnit)?.Code;
        if (FrameworkCode is null)
        {
            return;
        }
        var framework = Frameworks.FirstOrDefault(f => f.Code == FrameworkCode);
        if (framework is null)
        {
            Unavailable = $"Không có bộ chỉ số mã {FrameworkCode}.";
            return;
        }
        Clusters = (await clusters.ListAsync(framework.Year, Paging.FirstLargest)).Items;
        try
        {
            Results = await AssessmentApi.Filtered(results, FrameworkCode, string.IsNullOrWhiteSpace(ClusterCode) ? null : ClusterCode,
                string.IsNullOrWhiteSpace(UnitType) ? null : UnitType, HttpContext.RequestAborted);
            ClusterCode = string.IsNullOrWhiteSpace(ClusterCode) ? null : ClusterCode;
            UnitType = string.IsNullOrWhiteSpace(UnitType) ? null : UnitType;
            if (CanPublish)
            {
                UnappraisedCount = (await results.UnappraisedAsync(FrameworkCode, HttpContext.RequestAborted)).Count;
            }
            Columns = Results.GroupColumns.Where(g => g.Depth == 1 || !Results.GroupColumns.Any(x => x.Depth == 1)).ToList();
            ColumnIndex = Results.GroupColumns.Select((g, k) => (g.Code, k)).ToDictionary(x => x.Code, x => x.k);
        }
        catch (NotFoundException e)
        {
            Unavailable = e.Message;
        }
    }
}
