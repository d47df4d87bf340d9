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

    public async Task<IActionResult> OnPostPublishAsync()
    {
        if (!await user.HasPolicyAsync(Policies.Secretariat))
        {
            return Forbid();
        }
        return await RunAsync(async () =>
        {
            var publication = await results.PublishAsync(FrameworkCode ?? "");
            TempData["Message"] = $"Đã công bố kết quả {publication.FrameworkCode} ({publication.Units} đơn vị).";
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
            Columns = Results.GroupColumns.Where(g => g.Depth == 1 || !Results.GroupColumns.Any(x => x.Depth == 1)).ToList();
            ColumnIndex = Results.GroupColumns.Select((g, k) => (g.Code, k)).ToDictionary(x => x.Code, x => x.k);
        }
        catch (NotFoundException e)
        {
            Unavailable = e.Message;
        }
    }
}
