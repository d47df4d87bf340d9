using Microsoft.AspNetCore.Identity;
using ThiDua.Core.Inspections;
using ThiDua.Data.Accounts;
using ThiDua.Data.Inspections;
using ThiDua.Data.Units;

namespace ThiDua.Web.Features.Inspections;

/// <summary>
/// Inspection plans (R15): the Secretariat or the Reward Board plans; the plan's inspectors record visits and findings
/// with recommendations; the inspected unit answers each recommendation. Province-wide readers (the Inspector role
/// included, ADR 022) see every plan; a unit's staff see only plans that include their unit, and in them only their
/// own unit's visits and findings — a plan without their unit answers as a missing one.
/// </summary>
public sealed class InspectionService(ThiDuaDbContext db, UserManager<ApplicationUser> users, CurrentUser user, TimeProvider clock)
{
    public static string NotFound(int id) => $"Không có kế hoạch kiểm tra số {id}.";

    public async Task<InspectionDto> CreateAsync(CreateInspectionRequest request, CancellationToken cancellationToken = default)
    {
        var year = request.Year!.Value;
        var (start, end) = (request.StartDate!.Value, request.EndDate!.Value);
        InspectionRules.CheckDates(year, start, end);
        var units = await UnitsAsync(request.UnitCodes, cancellationToken);
        var inspectors = await InspectorsAsync(request.InspectorUserNames ?? [], cancellationToken);
        var plan = new InspectionPlan
        {
            Year = year,
            Title = Clean(request.Title)!,
            Scope = Clean(request.Scope),
            StartDate = start,
            EndDate = end,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
            CreatedBy = user.UserName,
            Units = units.Select(u => new InspectionUnit { UnitId = u.Id }).ToList(),
            Members = inspectors.Select(i => new InspectionMember { UserId = i.Id }).ToList(),
        };
        db.InspectionPlans.Add(plan);
        await db.SaveChangesAsync(cancellationToken);
        return await GetAsync(plan.Id, cancellationToken);
    }

    /// <summary>Plans the caller may see, newest year first, paged in SQL.</summary>
    public async Task<PagedList<InspectionSummaryDto>> ListAsync(int? year, Paging paging, CancellationToken cancellationToken = default)
    {
        var query = db.InspectionPlans.AsNoTracking();
        if (user.ListScope is int own)
        {
            query = query.Where(p => p.Units.Any(u => u.UnitId == own));
        }
        if (year is int y)
        {
            query = query.Where(p => p.Year == y);
        }
        var today = VietnamTime.Today(clock);
        var scope = user.ListScope;
        var page = await query.OrderByDescending(p => p.Year).ThenByDescending(p => p.StartDate).ThenByDescending(p => p.Id)
            // Two collections (units, inspectors) per plan: one query each rather than their product in one.
            .ToPagedListAsync(paging, rows => rows.AsSplitQuery().Select(p => new
            {
                p.Id, p.Year, p.Title, p.StartDate, p.EndDate, p.Version,
                Units = p.Units.OrderBy(u => u.Unit.Code).Select(u => new InspectedUnitDto(u.Unit.Code, u.Unit.Name)).ToList(),
                Inspectors = p.Members.OrderBy(m => m.User.UserName).Select(m => new InspectorDto(m.User.UserName!, m.User.FullName)).ToList(),
                Findings = p.Findings.Count(f => scope == null || f.UnitId == scope),
                Open = p.Findings.Where(f => scope == null || f.UnitId == scope).SelectMany(f => f.Recommendations).Count(r => r.Status != RecommendationStatus.Done),
                Overdue = p.Findings.Where(f => scope == null || f.UnitId == scope).SelectMany(f => f.Recommendations).Count(r => r.Status != RecommendationStatus.Done && r.DueDate < today),
            }), cancellationToken);
        return page.Select(p => new InspectionSummaryDto(p.Id, p.Year, p.Title, p.StartDate, p.EndDate, p.Units, p.Inspectors, p.Findings, p.Open, p.Overdue, p.Version));
    }

    public async Task<InspectionDto> GetAsync(int id, CancellationToken cancellationToken = default)
    {
        var plan = await db.InspectionPlans.AsNoTracking()
            .Include(p => p.Units).ThenInclude(u => u.Unit)
            .Include(p => p.Members).ThenInclude(m => m.User)
            .Include(p => p.Visits).ThenInclude(v => v.Unit)
            .Include(p => p.Findings).ThenInclude(f => f.Unit)
            .Include(p => p.Findings).ThenInclude(f => f.Recommendations)
            .AsSplitQuery()
            .FirstOrDefaultAsync(p => p.Id == id, cancellationToken)
            ?? throw new NotFoundException(NotFound(id));
        var scope = user.ListScope;
        if (scope is int own && plan.Units.All(u => u.UnitId != own))
        {
            throw new NotFoundException(NotFound(id));
        }
        var today = VietnamTime.Today(clock);
        bool Visible(int unitId) => scope is not int s || unitId == s;
        return new InspectionDto(plan.Id, plan.Year, plan.Title, plan.Scope, plan.StartDate, plan.EndDate,
            plan.Units.OrderBy(u => u.Unit.Code, StringComparer.Ordinal).Select(u => new InspectedUnitDto(u.Unit.Code, u.Unit.Name)).ToList(),
            plan.Members.OrderBy(m => m.User.UserName, StringComparer.Ordinal).Select(m => new InspectorDto(m.User.UserName!, m.User.FullName)).ToList(),
            plan.Visits.Where(v => Visible(v.UnitId)).OrderBy(v => v.Date).ThenBy(v => v.Id)
                .Select(v => new VisitDto(v.Id, v.Unit.Code, v.Unit.Name, v.Date, v.Note, v.CreatedBy)).ToList(),
            plan.Findings.Where(f => Visible(f.UnitId)).OrderBy(f => f.Unit.Code, StringComparer.Ordinal).ThenBy(f => f.Id)
                .Select(f => ToDto(f, today)).ToList(),
            plan.CreatedAt, plan.CreatedBy, plan.Version);
    }

    /// <summary>A finding of one of the plan's inspectors at one of the plan's units, with its recommendations.</summary>
    public async Task<FindingDto> AddFindingAsync(int planId, FindingRequest request, CancellationToken cancellationToken = default)
    {
        var plan = await InspectorsPlanAsync(planId, cancellationToken);
        var unit = PlanUnit(plan, request.UnitCode);
        var today = VietnamTime.Today(clock);
        var recommendations = request.Recommendations.Select((r, k) =>
        {
            if (string.IsNullOrWhiteSpace(r.Text) || r.DueDate is null)
            {
                throw DomainException.ForField($"recommendations[{k}]", "Mỗi kiến nghị cần nội dung và hạn thực hiện.");
            }
            InspectionRules.CheckDue(r.DueDate.Value, today, $"recommendations[{k}].dueDate");
            return new InspectionRecommendation { Text = Clean(r.Text)!, DueDate = r.DueDate.Value, Status = RecommendationStatus.Open };
        }).ToList();
        var finding = new InspectionFinding
        {
            PlanId = plan.Id,
            UnitId = unit.UnitId,
            Subject = request.Subject ?? FindingSubject.Other,
            Text = Clean(request.Text)!,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
            CreatedBy = user.UserName,
            Recommendations = recommendations,
        };
        db.InspectionFindings.Add(finding);
        await db.SaveChangesAsync(cancellationToken);
        finding.Unit = unit.Unit;
        return ToDto(finding, today);
    }

    public async Task<VisitDto> AddVisitAsync(int planId, VisitRequest request, CancellationToken cancellationToken = default)
    {
        var plan = await InspectorsPlanAsync(planId, cancellationToken);
        var unit = PlanUnit(plan, request.UnitCode);
        var date = request.Date!.Value;
        if (date < plan.StartDate || date > plan.EndDate)
        {
            throw DomainException.ForField("date", $"Ngày làm việc phải trong thời gian kiểm tra ({plan.StartDate:dd/MM/yyyy} – {plan.EndDate:dd/MM/yyyy}).");
        }
        var visit = new InspectionVisit
        {
            PlanId = plan.Id,
            UnitId = unit.UnitId,
            Date = date,
            Note = Clean(request.Note),
            CreatedAt = clock.GetUtcNow().UtcDateTime,
            CreatedBy = user.UserName,
        };
        db.InspectionVisits.Add(visit);
        await db.SaveChangesAsync(cancellationToken);
        return new VisitDto(visit.Id, unit.Unit.Code, unit.Unit.Name, visit.Date, visit.Note, visit.CreatedBy);
    }

    /// <summary>
    /// The inspected unit's answer to a recommendation (its reporter or leader). Another unit's recommendation answers
    /// as a missing one; <paramref name="expectedVersion"/>, when given, guards against overwriting a newer answer.
    /// </summary>
    public async Task<RecommendationDto> RespondAsync(int planId, int recommendationId, ResponseRequest request, int? expectedVersion, CancellationToken cancellationToken = default)
    {
        var notFound = $"Không có kiến nghị số {recommendationId} trong kế hoạch kiểm tra số {planId}.";
        var recommendation = await db.InspectionRecommendations.Include(r => r.Finding)
            .FirstOrDefaultAsync(r => r.Id == recommendationId && r.Finding.PlanId == planId, cancellationToken)
            ?? throw new NotFoundException(notFound);
        await user.EnsureOnRecordAsync(recommendation.Finding.UnitId, UnitScope.Staff, notFound,
            "Chỉ cán bộ đầu mối hoặc lãnh đạo của đơn vị được kiểm tra trả lời kiến nghị.");
        if (expectedVersion is int expected)
        {
            Versions.EnsureCurrent(recommendation.Version, expected);
            db.Entry(recommendation).Property(r => r.Version).OriginalValue = expected;
        }
        recommendation.Response = Clean(request.Text);
        recommendation.Status = InspectionRules.AfterResponse(request.Done);
        recommendation.RespondedAt = clock.GetUtcNow().UtcDateTime;
        recommendation.RespondedBy = user.UserName;
        await db.SaveChangesAsync(cancellationToken);
        return ToDto(recommendation, VietnamTime.Today(clock));
    }

    /// <summary>Whether the caller is on the plan's team (the page shows the finding and visit forms only to them).</summary>
    public async Task<bool> IsInspectorOfAsync(int planId, CancellationToken cancellationToken = default) =>
        user.IsIn(Roles.Inspector) && user.Id is { } me
        && await db.InspectionMembers.AnyAsync(m => m.PlanId == planId && m.UserId == me, cancellationToken);

    /// <summary>Users with the Inspector role, for the plan form.</summary>
    public async Task<IReadOnlyList<InspectorDto>> InspectorCandidatesAsync() =>
        (await users.GetUsersInRoleAsync(Roles.Inspector)).OrderBy(u => u.UserName, StringComparer.Ordinal)
            .Select(u => new InspectorDto(u.UserName!, u.FullName)).ToList();

    private async Task<InspectionPlan> InspectorsPlanAsync(int planId, CancellationToken cancellationToken)
    {
        var plan = await db.InspectionPlans.Include(p => p.Units).ThenInclude(u => u.Unit)
            .FirstOrDefaultAsync(p => p.Id == planId, cancellationToken)
            ?? throw new NotFoundException(NotFound(planId));
        if (!await IsInspectorOfAsync(planId, cancellationToken))
        {
            throw new ForbiddenException("Chỉ thành viên đoàn kiểm tra của kế hoạch này ghi kết quả kiểm tra.");
        }
        return plan;
    }

    private static InspectionUnit PlanUnit(InspectionPlan plan, string unitCode) =>
        plan.Units.FirstOrDefault(u => string.Equals(u.Unit.Code, unitCode.Trim(), StringComparison.OrdinalIgnoreCase))
        ?? throw DomainException.ForField("unitCode", $"Đơn vị {unitCode} không thuộc kế hoạch kiểm tra này.");

    private async Task<List<Unit>> UnitsAsync(IReadOnlyCollection<string> codes, CancellationToken cancellationToken)
    {
        var wanted = codes.Select(c => c.Trim()).Where(c => c.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        if (wanted.Count == 0)
        {
            throw DomainException.ForField("unitCodes", "Kế hoạch kiểm tra cần ít nhất một đơn vị được kiểm tra.");
        }
        var units = await db.Units.Where(u => wanted.Contains(u.Code)).ToListAsync(cancellationToken);
        var missing = wanted.Except(units.Select(u => u.Code), StringComparer.OrdinalIgnoreCase).ToList();
        return missing.Count > 0
            ? throw DomainException.ForField("unitCodes", $"Không có đơn vị mã: {string.Join(", ", missing)}.")
            : units;
    }

    private async Task<List<ApplicationUser>> InspectorsAsync(IReadOnlyCollection<string> names, CancellationToken cancellationToken)
    {
        var found = new List<ApplicationUser>();
        foreach (var name in names.Select(n => n.Trim()).Where(n => n.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase))
        {
            var inspector = await users.FindByNameAsync(name);
            if (inspector is null || !await users.IsInRoleAsync(inspector, Roles.Inspector))
            {
                throw DomainException.ForField("inspectorUserNames", $"{name} không phải người dùng có vai trò thành viên đoàn kiểm tra.");
            }
            found.Add(inspector);
        }
        cancellationToken.ThrowIfCancellationRequested();
        return found;
    }

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim().Normalize(System.Text.NormalizationForm.FormC);

    private static FindingDto ToDto(InspectionFinding f, DateOnly today) => new(f.Id, f.Unit.Code, f.Unit.Name, f.Subject, f.Text, f.CreatedAt, f.CreatedBy,
        f.Recommendations.OrderBy(r => r.DueDate).ThenBy(r => r.Id).Select(r => ToDto(r, today)).ToList());

    private static RecommendationDto ToDto(InspectionRecommendation r, DateOnly today) => new(r.Id, r.Text, r.DueDate, r.Status,
        InspectionRules.IsOverdue(r.Status, r.DueDate, today), r.Response, r.RespondedAt, r.RespondedBy, r.Version);
}
