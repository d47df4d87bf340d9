using System.Globalization;

namespace ThiDua.Web.Features.Targets;

/// <summary>A target with its goals, progress, every measurement and source, and the form to record this year's figure.</summary>
[Authorize(Policy = Policies.SignedIn)]
public sealed class DetailsModel(TargetService targets, TimeProvider clock) : CommandPageModel
{
    public TargetDto Target { get; private set; } = null!;
    public int Year { get; private set; }
    public bool CanMeasure { get; private set; }

    [BindProperty]
    public MeasurementInput Input { get; set; } = new();

    public sealed class MeasurementInput
    {
        public string? Year { get; set; }
        public string? Value { get; set; }
        public string? Source { get; set; }
        public string? Note { get; set; }
        public string? SourceUrl { get; set; }
        /// <summary>From a date field: yyyy-MM-dd.</summary>
        public string? SourceDate { get; set; }
    }

    public async Task OnGetAsync(string code)
    {
        await LoadAsync(code);
        Input.Year = (Year - 1).ToString(CultureInfo.InvariantCulture);
    }

    public async Task<IActionResult> OnPostMeasureAsync(string code)
    {
        var yearOk = int.TryParse(Input.Year, NumberStyles.Integer, CultureInfo.InvariantCulture, out var year);
        var valueOk = double.TryParse(Input.Value?.Replace(',', '.'), NumberStyles.Float, CultureInfo.InvariantCulture, out var value);
        DateOnly? sourceDate = null;
        var dateOk = string.IsNullOrWhiteSpace(Input.SourceDate)
            || (DateOnly.TryParseExact(Input.SourceDate, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed) && (sourceDate = parsed) is not null);
        if (!yearOk || !valueOk || string.IsNullOrWhiteSpace(Input.Source))
        {
            ModelState.AddModelError(string.Empty, "Cần năm, giá trị (số, dấu phẩy thập phân) và nguồn số liệu.");
        }
        else if (!dateOk)
        {
            ModelState.AddModelError(string.Empty, "Ngày công bố không đúng dạng ngày.");
        }
        else
        {
            return await RunAsync(() => targets.AddMeasurementAsync(code, new MeasurementRequest { Year = year, Value = value, Source = Input.Source, Note = Input.Note, SourceUrl = Input.SourceUrl, SourceDate = sourceDate }),
                "Đã ghi nhận số liệu.", $"/chi-tieu/{Uri.EscapeDataString(code)}", () => LoadAsync(code));
        }
        await LoadAsync(code);
        return Page();
    }

    private async Task LoadAsync(string code)
    {
        Year = VietnamTime.Today(clock).Year;
        Target = await targets.GetAsync(code, Year);
        CanMeasure = await targets.CanMeasureAsync(code);
    }
}
