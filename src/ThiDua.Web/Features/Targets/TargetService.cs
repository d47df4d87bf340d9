using ThiDua.Core.Targets;
using ThiDua.Data.Targets;

namespace ThiDua.Web.Features.Targets;

/// <summary>The targets of Resolution 09 (R8): catalogue, measurements with their sources, progress and status.</summary>
public sealed class TargetService(ThiDuaDbContext db, CurrentUser user, TimeProvider clock)
{
    public async Task<PagedList<TargetDto>> ListAsync(string? area, Paging paging, int? year = null, CancellationToken cancellationToken = default)
    {
        var query = db.Targets.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(area))
        {
            var parsed = ParseArea(area);
            query = query.Where(t => t.Area == parsed);
        }
        var page = await query.OrderBy(t => t.SortOrder).ThenBy(t => t.Code).ToPagedListAsync(paging, WithDetails, cancellationToken);
        var asOf = year ?? VietnamTime.Today(clock).Year;
        return page.Select(t => ToDto(t, asOf));
    }

    /// <summary>The whole catalogue (the 29 targets of section II.6 and any added): the dashboard, the progress report and open data show it all.</summary>
    public async Task<IReadOnlyList<TargetDto>> AllAsync(int? year = null, CancellationToken cancellationToken = default)
    {
        var targets = await WithDetails(db.Targets.AsNoTracking().OrderBy(t => t.SortOrder).ThenBy(t => t.Code)).ToListAsync(cancellationToken);
        var asOf = year ?? VietnamTime.Today(clock).Year;
        return targets.Select(t => ToDto(t, asOf)).ToList();
    }

    public async Task<TargetDto> GetAsync(string code, int? year = null, CancellationToken cancellationToken = default)
    {
        var target = await Load().FirstOrDefaultAsync(t => t.Code == code, cancellationToken)
            ?? throw new NotFoundException($"Không có chỉ tiêu mã {code}.");
        return ToDto(target, year ?? VietnamTime.Today(clock).Year);
    }

    public async Task<ProgressReport> ProgressAsync(int? year, CancellationToken cancellationToken = default)
    {
        var asOf = year ?? VietnamTime.Today(clock).Year;
        if (asOf is < 2000 or > 2100)
        {
            throw DomainException.ForField("year", "Năm phải từ 2000 đến 2100.");
        }
        var targets = await AllAsync(asOf, cancellationToken);
        var items = targets.Select(t => new TargetProgressItem(t.Code, t.Text, t.Area, t.Unit, t.Direction,
            t.Measurements.Where(m => m.Year <= asOf).GroupBy(m => m.Year).OrderBy(g => g.Key).Select(g => new LatestDto(g.Key, g.OrderBy(m => m.RecordedAt).Last().Value)).LastOrDefault(),
            t.Status, t.Progress)).ToList();
        var byStatus = Enum.GetValues<TargetStatus>().ToDictionary(s => StatusCode(s), s => items.Count(i => i.Status == s));
        return new ProgressReport(asOf, byStatus, items);
    }

    public async Task<MeasurementDto> AddMeasurementAsync(string code, MeasurementRequest request, CancellationToken cancellationToken = default)
    {
        var target = await db.Targets.Include(t => t.Responsible).FirstOrDefaultAsync(t => t.Code == code, cancellationToken)
            ?? throw DomainException.ForField("code", $"Không có chỉ tiêu mã {code}.");
        if (!CanMeasure(target.Responsible.Select(r => r.UnitId)))
        {
            throw new ForbiddenException("Chỉ cơ quan thường trực và cơ quan được giao theo dõi chỉ tiêu này được nhập số liệu.");
        }
        var year = request.Year!.Value;
        var value = request.Value!.Value;
        CheckValue(target.Unit, year, value, "value");
        var sourceUrl = string.IsNullOrWhiteSpace(request.SourceUrl) ? null : request.SourceUrl.Trim();
        if (sourceUrl is not null && !IsWebAddress(sourceUrl))
        {
            throw DomainException.ForField("sourceUrl", "Địa chỉ nguồn phải là một địa chỉ web đầy đủ, bắt đầu bằng http:// hoặc https://.");
        }
        if (request.SourceDate is { } published && published > VietnamTime.Today(clock))
        {
            throw DomainException.ForField("sourceDate", "Ngày công bố không được sau hôm nay.");
        }
        var measurement = new TargetMeasurement
        {
            TargetId = target.Id,
            Year = year,
            Value = value,
            Source = request.Source.Trim(),
            Note = string.IsNullOrWhiteSpace(request.Note) ? null : request.Note.Trim(),
            SourceUrl = sourceUrl,
            SourceDate = request.SourceDate,
            RecordedAt = clock.GetUtcNow().UtcDateTime,
            RecordedBy = user.UserName,
        };
        db.TargetMeasurements.Add(measurement);
        await db.SaveChangesAsync(cancellationToken);
        return ToDto(measurement);
    }

    /// <summary>Only absolute http(s) addresses: the page shows the source as a link, and a link elsewhere (javascript:, a file) is no source.</summary>
    public static bool IsWebAddress(string value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);

    private static MeasurementDto ToDto(TargetMeasurement m) =>
        new(m.Year, m.Value, m.Source, m.Note, m.RecordedAt, m.RecordedBy, m.SourceUrl, m.SourceDate);

    public async Task<TargetDto> CreateAsync(CreateTargetRequest request, CancellationToken cancellationToken = default)
    {
        var code = request.Code.Trim();
        if (await db.Targets.AnyAsync(t => t.Code == code, cancellationToken))
        {
            throw new ConflictException($"Chỉ tiêu mã {code} đã có.");
        }
        var unit = request.Unit!.Value;
        foreach (var goal in request.Targets)
        {
            CheckValue(unit, goal.Year!.Value, goal.Value!.Value, "targets");
            if (goal.Max is { } max && max < goal.Value)
            {
                throw DomainException.ForField("targets", "Cận trên của khoảng phải không nhỏ hơn cận dưới.");
            }
        }
        if (request.Baseline is { } b)
        {
            CheckValue(unit, b.Year!.Value, b.Value!.Value, "baseline");
        }
        var target = new Target
        {
            Code = code,
            Text = request.Text.Trim().Normalize(System.Text.NormalizationForm.FormC),
            Area = request.Area!.Value,
            Unit = unit,
            Direction = request.Direction,
            Qualifier = request.Qualifier,
            SourceReference = request.Source,
            Note = request.Note,
            BaselineYear = request.Baseline?.Year,
            BaselineValue = request.Baseline?.Value,
            BaselineSource = request.Baseline?.Source,
            SortOrder = await db.Targets.MaxAsync(t => (int?)t.SortOrder, cancellationToken) + 1 ?? 1,
            Goals = request.Targets.Select(g => new TargetGoalRow { Year = g.Year!.Value, Value = g.Value!.Value, Max = g.Max, Milestone = g.Milestone }).ToList(),
        };
        db.Targets.Add(target);
        await db.SaveChangesAsync(cancellationToken);
        return await GetAsync(code, cancellationToken: cancellationToken);
    }

    public async Task<TargetDto> UpdateAsync(string code, UpdateTargetRequest request, int expectedVersion, CancellationToken cancellationToken = default)
    {
        var target = await db.Targets.Include(t => t.Responsible).FirstOrDefaultAsync(t => t.Code == code, cancellationToken)
            ?? throw new NotFoundException($"Không có chỉ tiêu mã {code}.");
        Versions.EnsureCurrent(target.Version, expectedVersion);
        if (request.Baseline is { } b)
        {
            CheckValue(target.Unit, b.Year!.Value, b.Value!.Value, "baseline");
            target.BaselineYear = b.Year;
            target.BaselineValue = b.Value;
            target.BaselineSource = b.Source;
        }
        if (request.ResponsibleUnitCodes is { } codes)
        {
            var units = await db.Units.Where(u => codes.Contains(u.Code)).ToListAsync(cancellationToken);
            var missing = codes.Except(units.Select(u => u.Code), StringComparer.OrdinalIgnoreCase).ToList();
            if (missing.Count > 0)
            {
                throw DomainException.ForField("responsibleUnitCodes", $"Không có đơn vị mã: {string.Join(", ", missing)}.");
            }
            target.Responsible.RemoveAll(r => !units.Any(u => u.Id == r.UnitId));
            foreach (var unit in units.Where(u => !target.Responsible.Any(r => r.UnitId == u.Id)))
            {
                target.Responsible.Add(new TargetResponsible { UnitId = unit.Id });
            }
        }
        if (request.Note is not null)
        {
            target.Note = string.IsNullOrWhiteSpace(request.Note) ? null : request.Note.Trim();
        }
        db.Entry(target).State = EntityState.Modified;
        db.Entry(target).Property(t => t.Version).OriginalValue = expectedVersion;
        await db.SaveChangesAsync(cancellationToken);
        return await GetAsync(code, cancellationToken: cancellationToken);
    }

    /// <summary>Values must fit their unit: a year in 2000–2100, a percentage in 0–100, a count of 0 or more, a rank of 1 or more.</summary>
    /// <summary>Whether the user may enter measurements of a target (its page shows the form).</summary>
    public async Task<bool> CanMeasureAsync(string code, CancellationToken cancellationToken = default) =>
        CanMeasure(await db.Targets.AsNoTracking().Where(t => t.Code == code).SelectMany(t => t.Responsible.Select(r => r.UnitId)).ToListAsync(cancellationToken));

    /// <summary>Measurements are entered by the Secretariat or Admin, and by the staff of a unit responsible for the target.</summary>
    public bool CanMeasure(IEnumerable<int> responsibleUnitIds) =>
        user.ActsForEveryUnit || (user.IsUnitStaff && user.UnitId is int own && responsibleUnitIds.Contains(own));

    public static void CheckValue(TargetUnit unit, int year, double value, string field)
    {
        if (year is < 2000 or > 2100)
        {
            throw DomainException.ForField("year", $"Năm {year} nằm ngoài khoảng 2000–2100.");
        }
        if (!double.IsFinite(value))
        {
            throw DomainException.ForField(field, "Giá trị phải là một số.");
        }
        var fault = unit switch
        {
            TargetUnit.Percent when value is < 0 or > 100 => "Tỷ lệ phần trăm phải từ 0 đến 100.",
            TargetUnit.Count when value < 0 => "Số lượng không được âm.",
            TargetUnit.Rank when value < 1 || Math.Abs(value - Math.Round(value)) > 1e-9 => "Thứ hạng phải là số nguyên từ 1 trở lên.",
            _ => null,
        };
        if (fault is not null)
        {
            throw DomainException.ForField(field, fault);
        }
    }

    public static string StatusCode(TargetStatus status) => status switch
    {
        TargetStatus.Achieved => "achieved",
        TargetStatus.OnTrack => "on_track",
        TargetStatus.AtRisk => "at_risk",
        TargetStatus.OffTrack => "off_track",
        _ => "no_data",
    };

    public static string VietnameseName(TargetStatus status) => status switch
    {
        TargetStatus.Achieved => "Đã đạt",
        TargetStatus.OnTrack => "Đúng tiến độ",
        TargetStatus.AtRisk => "Có nguy cơ chậm",
        TargetStatus.OffTrack => "Chậm, không đạt",
        _ => "Chưa có số liệu",
    };

    public static string VietnameseName(TargetArea area) => area switch
    {
        TargetArea.DigitalGovernment => "Chính quyền số",
        TargetArea.DigitalEconomy => "Kinh tế số",
        _ => "Xã hội số",
    };

    public static string Symbol(TargetUnit unit) => unit switch
    {
        TargetUnit.Percent => "%",
        TargetUnit.Rank => "hạng",
        _ => "",
    };

    private static TargetArea ParseArea(string area) => area.Trim().ToLowerInvariant() switch
    {
        "digital_government" => TargetArea.DigitalGovernment,
        "digital_economy" => TargetArea.DigitalEconomy,
        "digital_society" => TargetArea.DigitalSociety,
        _ => throw DomainException.ForField("area", "Lĩnh vực phải là digital_government, digital_economy hoặc digital_society."),
    };

    private IQueryable<Target> Load() => WithDetails(db.Targets.AsNoTracking());

    private static IQueryable<Target> WithDetails(IQueryable<Target> query) => query
        .Include(t => t.Goals).Include(t => t.Measurements).Include(t => t.Responsible).ThenInclude(r => r.Unit)
        .AsSplitQuery();

    /// <summary>A target with its status as of <paramref name="year"/>; the latest record of a year is that year's value.</summary>
    public static TargetDto ToDto(Target t, int year)
    {
        var yearly = t.Measurements.GroupBy(m => m.Year).Select(g => g.OrderBy(m => m.RecordedAt).ThenBy(m => m.Id).Last())
            .OrderBy(m => m.Year).Select(m => new Measurement(m.Year, m.Value)).ToList();
        var baseline = t.BaselineYear is int by && t.BaselineValue is double bv ? new Measurement(by, bv) : null;
        var goals = t.Goals.OrderBy(g => g.Year).ThenBy(g => g.Milestone).Select(g => new TargetGoal(g.Year, g.Value, g.Max, g.Milestone)).ToList();
        var progress = TargetProgress.Evaluate(t.Direction, baseline, goals, yearly, year);
        var current = TargetProgress.Current(progress, year);
        var latest = yearly.LastOrDefault(m => m.Year <= year);
        return new TargetDto(t.Code, t.Text, t.Area, t.Unit, t.Direction, t.Qualifier,
            baseline is null ? null : new BaselineDto(baseline.Year, baseline.Value, t.BaselineSource),
            t.Goals.OrderBy(g => g.Year).Select(g => new GoalDto(g.Year, g.Value, g.Max, g.Milestone)).ToList(),
            t.Measurements.OrderBy(m => m.Year).ThenBy(m => m.RecordedAt).Select(ToDto).ToList(),
            current?.Status ?? TargetStatus.NoData,
            latest is null ? null : new LatestDto(latest.Year, latest.Value),
            progress.Select(p => new GoalProgressDto(p.Year, p.Goal, p.Max, p.Milestone, p.Expected, p.Progress, p.Status)).ToList(),
            t.SourceReference, t.Note,
            t.Responsible.Select(r => r.Unit.Code).OrderBy(c => c, StringComparer.Ordinal).ToList(),
            t.Version);
    }
}
