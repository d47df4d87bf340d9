using ThiDua.Core.Inspections;

namespace ThiDua.Web.Features.Inspections;

/// <summary>One plan: its team, units, visits, findings per unit with recommendations; forms for its inspectors and for the inspected unit.</summary>
[Authorize(Policy = Policies.Inspections)]
public sealed class PlanModel(InspectionService inspections, CurrentUser user) : CommandPageModel
{
    public InspectionDto Plan { get; private set; } = null!;
    public bool IsInspector { get; private set; }
    public bool CanRespond => user.IsUnitStaff;
    public string? OwnUnitCode => user.UnitCode;

    public async Task OnGetAsync(int id) => await LoadAsync(id);

    public Task<IActionResult> OnPostFindingAsync(int id, string? unitCode, FindingSubject? subject, string? text, string? recommendation, DateOnly? dueDate) =>
        RunAsync(async () =>
        {
            if (string.IsNullOrWhiteSpace(text))
            {
                throw DomainException.ForField("text", "Hãy nhập kết quả kiểm tra.");
            }
            if (!string.IsNullOrWhiteSpace(recommendation) && dueDate is null)
            {
                throw DomainException.ForField("dueDate", "Kiến nghị cần hạn thực hiện (ngày/tháng/năm).");
            }
            await inspections.AddFindingAsync(id, new FindingRequest
            {
                UnitCode = unitCode ?? "",
                Subject = subject,
                Text = text,
                Recommendations = string.IsNullOrWhiteSpace(recommendation) ? [] : [new RecommendationRequest { Text = recommendation, DueDate = dueDate }],
            });
            TempData["Message"] = "Đã ghi kết quả kiểm tra.";
            return Redirect($"/kiem-tra/{id}");
        }, () => LoadAsync(id));

    public Task<IActionResult> OnPostVisitAsync(int id, string? unitCode, DateOnly? date, string? note) =>
        RunAsync(async () =>
        {
            if (date is null)
            {
                throw DomainException.ForField("date", "Hãy nhập ngày làm việc (ngày/tháng/năm).");
            }
            await inspections.AddVisitAsync(id, new VisitRequest { UnitCode = unitCode ?? "", Date = date, Note = note });
            TempData["Message"] = "Đã ghi buổi làm việc.";
            return Redirect($"/kiem-tra/{id}");
        }, () => LoadAsync(id));

    public Task<IActionResult> OnPostResponseAsync(int id, int recommendationId, string? text, bool done, int? version) =>
        RunAsync(async () =>
        {
            if (string.IsNullOrWhiteSpace(text))
            {
                throw DomainException.ForField("text", "Hãy nhập nội dung trả lời.");
            }
            await inspections.RespondAsync(id, recommendationId, new ResponseRequest { Text = text, Done = done }, version);
            TempData["Message"] = "Đã gửi trả lời kiến nghị.";
            return Redirect($"/kiem-tra/{id}");
        }, () => LoadAsync(id));

    private async Task LoadAsync(int id)
    {
        Plan = await inspections.GetAsync(id);
        IsInspector = await inspections.IsInspectorOfAsync(id);
    }
}
