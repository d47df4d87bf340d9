using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using ThiDua.Core.Calendar;
using ThiDua.Core.Errors;
using ThiDua.Core.Rewards;
using ThiDua.Core.Units;
using ThiDua.Data;
using ThiDua.Data.Rewards;
using ThiDua.Data.Units;
using ThiDua.Web.Features.Assessment;
using ThiDua.Web.Features.Notifications;
using ThiDua.Web.Features.Tasks;
using ThiDua.Web.Infrastructure.Api;
using ThiDua.Web.Infrastructure.Auth;
using ThiDua.Web.Infrastructure.Files;

namespace ThiDua.Web.Features.Rewards;

/// <summary>
/// Nominations and their dossier (R10–R12): created by the proposing unit, eligibility decided from published DTI
/// results and task completion (or the Reward Board's checklist), typed documents with versions, and the route
/// through the Reward Board with every step recorded.
/// </summary>
public sealed class NominationService(
    ThiDuaDbContext db,
    ResultsService results,
    TaskService tasks,
    FileService files,
    NotificationService notifications,
    IConfiguration configuration,
    TimeProvider clock)
{
    /// <summary>Roles that handle dossiers for the whole province.</summary>
    public static readonly string[] Board = [Roles.RewardBoard, Roles.Admin];

    public double TaskThreshold => configuration.GetValue<double?>("Rewards:TaskCompletionThreshold") ?? 1.0;

    public int NoticeWorkingDays => configuration.GetValue<int?>("Rewards:NoticeWorkingDays") ?? 10;

    public async Task<NominationDto> CreateAsync(NominationRequest request, ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        var movement = await db.Movements.FirstOrDefaultAsync(m => m.Code == request.MovementCode, cancellationToken)
            ?? throw DomainException.ForField("movementCode", $"Không có phong trào mã {request.MovementCode}.");
        var nomination = new Nomination { MovementId = movement.Id, Achievements = "" };
        await ApplyAsync(nomination, request, user, cancellationToken);
        nomination.Status = NominationStatus.Draft;
        nomination.CreatedAt = clock.GetUtcNow().UtcDateTime;
        nomination.CreatedBy = user.Identity?.Name;
        nomination.Criteria = RewardCriteria.For(nomination.NomineeKind)
            .Select(c => new NominationCriterion { Code = c.Code, Text = c.Text, Mandatory = c.Mandatory }).ToList();
        nomination.Steps.Add(Step(null, NominationStatus.Draft, user, "Lập hồ sơ"));
        db.Nominations.Add(nomination);
        await db.SaveChangesAsync(cancellationToken);
        return await GetAsync(nomination.Id, user, cancellationToken);
    }

    public async Task<NominationDto> UpdateAsync(int id, NominationRequest request, int expectedVersion, ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        var nomination = await FindAsync(id, cancellationToken);
        EnsureProposer(user, nomination);
        Versions.EnsureCurrent(nomination.Version, expectedVersion);
        if (!NominationWorkflow.UnitCanEdit(nomination.Status))
        {
            throw new ConflictException("Hồ sơ đã trình; chỉ sửa được khi đang soạn hoặc bị trả lại.");
        }
        var kind = nomination.NomineeKind;
        await ApplyAsync(nomination, request, user, cancellationToken);
        if (kind != nomination.NomineeKind)
        {
            throw DomainException.ForField("nomineeKind", "Không đổi được loại đối tượng của hồ sơ; hãy lập hồ sơ mới.");
        }
        db.Entry(nomination).Property(n => n.Version).OriginalValue = expectedVersion;
        await db.SaveChangesAsync(cancellationToken);
        return await GetAsync(id, user, cancellationToken);
    }

    public async Task<NominationDto> GetAsync(int id, ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        var nomination = await Load().FirstOrDefaultAsync(n => n.Id == id, cancellationToken)
            ?? throw new NotFoundException($"Không có hồ sơ khen thưởng số {id}.");
        EnsureCanRead(user, nomination);
        return ToDto(nomination);
    }

    public async Task<IReadOnlyList<NominationDto>> ListAsync(string? status, string? award, string? round, int? year, string? unitCode, ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        var query = Load();
        if (!Roles.ProvinceWide.Any(user.IsInRole))
        {
            var own = user.UnitId() ?? -1;
            query = query.Where(n => n.ProposingUnitId == own || n.NomineeUnitId == own);
        }
        if (!string.IsNullOrWhiteSpace(status))
        {
            var parsed = ApiCodes.Parse<NominationStatus>(status, "status");
            query = query.Where(n => n.Status == parsed);
        }
        if (!string.IsNullOrWhiteSpace(award))
        {
            var parsed = ApiCodes.Parse<AwardLevel>(award, "award");
            query = query.Where(n => n.Award == parsed);
        }
        if (!string.IsNullOrWhiteSpace(round))
        {
            var parsed = ApiCodes.Parse<NominationRound>(round, "round");
            query = query.Where(n => n.Round == parsed);
        }
        if (year is int y)
        {
            query = query.Where(n => n.Year == y);
        }
        if (!string.IsNullOrWhiteSpace(unitCode))
        {
            query = query.Where(n => n.ProposingUnit.Code == unitCode || (n.NomineeUnit != null && n.NomineeUnit.Code == unitCode));
        }
        return (await query.OrderByDescending(n => n.Id).ToListAsync(cancellationToken)).Select(ToDto).ToList();
    }

    /// <summary>Every rule with whether it passed and why (R10).</summary>
    public async Task<EligibilityDto> EligibilityAsync(int id, ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        var nomination = await Load().FirstOrDefaultAsync(n => n.Id == id, cancellationToken)
            ?? throw new NotFoundException($"Không có hồ sơ khen thưởng số {id}.");
        EnsureCanRead(user, nomination);
        var result = await EligibilityAsync(nomination, cancellationToken);
        return new EligibilityDto(result.Eligible, result.Reasons);
    }

    public async Task<EligibilityResult> EligibilityAsync(Nomination nomination, CancellationToken cancellationToken) =>
        (await EligibilityAsync([nomination], cancellationToken))[nomination.Id];

    /// <summary>
    /// The eligibility of several nominations (a council session's): each year's published rankings and each phase's
    /// task completion are read once, not once per nomination.
    /// </summary>
    public async Task<IReadOnlyDictionary<int, EligibilityResult>> EligibilityAsync(IReadOnlyCollection<Nomination> list, CancellationToken cancellationToken)
    {
        var publishedByYear = new Dictionary<int, Dictionary<string, DtiEvidence>>();
        var completionByPhase = new Dictionary<string, Dictionary<int, CompletionDto>>();
        var eligibility = new Dictionary<int, EligibilityResult>();
        foreach (var nomination in list)
        {
            if (nomination.NomineeKind != NomineeKind.Unit)
            {
                eligibility[nomination.Id] = Eligibility.ForChecklist(nomination.Criteria.OrderBy(c => c.Code, StringComparer.Ordinal)
                    .Select(c => new CriterionCheck(c.Code, c.Text, c.Mandatory, c.Checked, c.Note)).ToList());
                continue;
            }
            var dtiYear = RewardNames.DtiYear(nomination.Round, nomination.Year);
            if (!publishedByYear.TryGetValue(dtiYear, out var published))
            {
                publishedByYear[dtiYear] = published = await PublishedScoresAsync(dtiYear, cancellationToken);
            }
            var phase = PhaseOf(nomination);
            if (!completionByPhase.TryGetValue(phase.Code, out var completions))
            {
                completionByPhase[phase.Code] = completions = await tasks.CompletionForAllAsync(phase, cancellationToken);
            }
            var unit = nomination.NomineeUnit!;
            var completion = completions.GetValueOrDefault(unit.Id);
            eligibility[nomination.Id] = Eligibility.ForUnit(dtiYear, published.GetValueOrDefault(unit.Code),
                new TaskEvidence(phase.Name, completion?.Assigned ?? 0, completion?.Completed ?? 0), TaskThreshold);
        }
        return eligibility;
    }

    /// <summary>Every unit's published result of the year, by unit code (a unit is in one framework of a year).</summary>
    private async Task<Dictionary<string, DtiEvidence>> PublishedScoresAsync(int year, CancellationToken cancellationToken)
    {
        var scores = new Dictionary<string, DtiEvidence>(StringComparer.Ordinal);
        foreach (var framework in await db.Frameworks.AsNoTracking().Where(f => f.Year == year).OrderBy(f => f.Code).ToListAsync(cancellationToken))
        {
            foreach (var item in (await results.PublishedAsync(framework, cancellationToken))?.Items ?? [])
            {
                scores.TryAdd(item.UnitCode, new DtiEvidence(year, framework.Code, item.Score100, item.Band));
            }
        }
        return scores;
    }

    /// <summary>The phase whose tasks count: 2022–2023 at mid-term, 2022–2025 at the final review, the calendar year otherwise.</summary>
    private static Phase PhaseOf(Nomination nomination) => nomination.Round switch
    {
        NominationRound.Midterm => Phases.Midterm,
        NominationRound.Final => Phases.Final,
        _ => new Phase($"{nomination.Year}", $"năm {nomination.Year}", new DateOnly(nomination.Year, 1, 1), new DateOnly(nomination.Year, 12, 31)),
    };

    public async Task<NominationDto> SetCriteriaAsync(int id, IReadOnlyList<CriterionEntry> entries, ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        var nomination = await db.Nominations.Include(n => n.Criteria).FirstOrDefaultAsync(n => n.Id == id, cancellationToken)
            ?? throw new NotFoundException($"Không có hồ sơ khen thưởng số {id}.");
        if (nomination.Status is NominationStatus.Decided or NominationStatus.Rejected)
        {
            throw new ConflictException("Hồ sơ đã kết thúc; không sửa tiêu chí được.");
        }
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var entry in entries)
        {
            var criterion = nomination.Criteria.FirstOrDefault(c => c.Code == entry.Code)
                ?? throw DomainException.ForField(entry.Code, $"Hồ sơ không có tiêu chí mã {entry.Code}.");
            criterion.Checked = entry.Checked;
            criterion.Note = string.IsNullOrWhiteSpace(entry.Note) ? null : entry.Note.Trim();
            criterion.CheckedBy = user.Identity?.Name;
            criterion.CheckedAt = now;
        }
        await db.SaveChangesAsync(cancellationToken);
        return await GetAsync(id, user, cancellationToken);
    }

    /// <summary>Adds a typed document; a second one of a kind becomes its next version and the earlier stays.</summary>
    public async Task<DocumentDto> AddDocumentAsync(int id, DocumentKind kind, IFormFile? file, ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        var nomination = await db.Nominations.Include(n => n.Documents).FirstOrDefaultAsync(n => n.Id == id, cancellationToken)
            ?? throw new NotFoundException($"Không có hồ sơ khen thưởng số {id}.");
        if (!Board.Any(user.IsInRole))
        {
            EnsureProposer(user, nomination);
            if (!NominationWorkflow.UnitCanEdit(nomination.Status))
            {
                throw new ConflictException("Hồ sơ đã trình; chỉ bổ sung tài liệu được khi đang soạn hoặc bị trả lại.");
            }
        }
        var stored = await files.SaveAsync(file, FileTypes.Documents, user, cancellationToken);
        var document = new NominationDocument
        {
            Kind = kind,
            VersionNumber = nomination.Documents.Where(d => d.Kind == kind).Select(d => d.VersionNumber).DefaultIfEmpty(0).Max() + 1,
            FileId = stored.Id,
            UploadedAt = clock.GetUtcNow().UtcDateTime,
            UploadedBy = user.Identity?.Name,
        };
        nomination.Documents.Add(document);
        db.Entry(nomination).State = EntityState.Modified;
        await db.SaveChangesAsync(cancellationToken);
        return new DocumentDto(document.Id, document.Kind, document.VersionNumber, FileService.ToDto(stored), document.UploadedAt, document.UploadedBy);
    }

    /// <summary>The proposing unit's leader submits; a chairman's or state award needs the three documents first (400 lists the missing ones).</summary>
    public async Task<NominationDto> SubmitAsync(int id, ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        var nomination = await db.Nominations.Include(n => n.Documents).Include(n => n.Steps).FirstOrDefaultAsync(n => n.Id == id, cancellationToken)
            ?? throw new NotFoundException($"Không có hồ sơ khen thưởng số {id}.");
        EnsureCanRead(user, nomination);
        if (!user.IsInRole(Roles.UnitLeader) || user.UnitId() != nomination.ProposingUnitId)
        {
            throw new ForbiddenException("Chỉ lãnh đạo đơn vị đề nghị được trình hồ sơ.");
        }
        NominationWorkflow.EnsureCanMove(nomination.Status, NominationStatus.Submitted);
        var missing = RewardNames.Missing(nomination.Award, nomination.Documents.Select(d => d.Kind));
        if (missing.Count > 0)
        {
            throw new DomainException($"Hồ sơ còn thiếu: {string.Join("; ", missing.Select(k => k.VietnameseName()))}.",
                new Dictionary<string, string[]> { ["documents"] = missing.Select(k => KindCode(k)).ToArray() });
        }
        Move(nomination, NominationStatus.Submitted, user, null);
        await db.SaveChangesAsync(cancellationToken);
        if (nomination.Award != AwardLevel.UnitCertificate)
        {
            await notifications.NotifyAsync(new Recipients([Roles.RewardBoard]), "Hồ sơ đề nghị khen thưởng mới", nomination.Achievements.Length > 200 ? nomination.Achievements[..200] + "…" : nomination.Achievements,
                $"/khen-thuong/{nomination.Id}", cancellationToken);
        }
        return await GetAsync(id, user, cancellationToken);
    }

    public Task<NominationDto> ReceiveAsync(int id, ClaimsPrincipal user, CancellationToken cancellationToken = default) =>
        BoardStepAsync(id, NominationStatus.Received, null, user, cancellationToken);

    public Task<NominationDto> ReturnAsync(int id, string reason, ClaimsPrincipal user, CancellationToken cancellationToken = default) =>
        BoardStepAsync(id, NominationStatus.Returned, reason, user, cancellationToken);

    public Task<NominationDto> RejectAsync(int id, string reason, ClaimsPrincipal user, CancellationToken cancellationToken = default) =>
        BoardStepAsync(id, NominationStatus.Rejected, reason, user, cancellationToken);

    /// <summary>Starts the public notice of a nomination the council passed: it runs for N working days (weekends and holidays skipped).</summary>
    public async Task<NominationDto> StartNoticeAsync(int id, int? workingDays, ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        var nomination = await db.Nominations.Include(n => n.Steps).FirstOrDefaultAsync(n => n.Id == id, cancellationToken)
            ?? throw new NotFoundException($"Không có hồ sơ khen thưởng số {id}.");
        NominationWorkflow.EnsureCanMove(nomination.Status, NominationStatus.PubliclyNoticed);
        var today = VietnamTime.Today(clock);
        var days = workingDays ?? NoticeWorkingDays;
        if (days is < 1 or > 60)
        {
            throw DomainException.ForField("workingDays", "Thời gian công khai từ 1 đến 60 ngày làm việc.");
        }
        var calendar = await CalendarAsync(today.Year, today.Year + 1, cancellationToken);
        nomination.NoticeStart = today;
        nomination.NoticeEnd = calendar.AddWorkingDays(today, days);
        Move(nomination, NominationStatus.PubliclyNoticed, user, $"Công khai {days} ngày làm việc, đến hết ngày {nomination.NoticeEnd:dd/MM/yyyy}");
        await db.SaveChangesAsync(cancellationToken);
        return await GetAsync(id, user, cancellationToken);
    }

    public async Task<WorkingDays> CalendarAsync(int fromYear, int toYear, CancellationToken cancellationToken)
    {
        var extra = await db.Holidays.AsNoTracking().Select(h => h.Date).ToListAsync(cancellationToken);
        return WorkingDays.Statutory(fromYear, toYear, extra);
    }

    public async Task<PublicCommentDto> CommentAsync(int id, PublicCommentRequest request, CancellationToken cancellationToken = default)
    {
        var nomination = await db.Nominations.FirstOrDefaultAsync(n => n.Id == id, cancellationToken);
        var today = VietnamTime.Today(clock);
        if (nomination is null || nomination.Status != NominationStatus.PubliclyNoticed)
        {
            throw new NotFoundException("Không có hồ sơ đang công khai lấy ý kiến với số này.");
        }
        if (nomination.NoticeEnd is { } end && today > end)
        {
            throw new ConflictException($"Thời hạn lấy ý kiến đã hết ngày {end:dd/MM/yyyy}.");
        }
        var comment = new PublicComment
        {
            NominationId = id,
            Name = string.IsNullOrWhiteSpace(request.Name) ? null : request.Name.Trim(),
            Contact = string.IsNullOrWhiteSpace(request.Contact) ? null : request.Contact.Trim(),
            Body = request.Body.Trim().Normalize(System.Text.NormalizationForm.FormC),
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        db.PublicComments.Add(comment);
        await db.SaveChangesAsync(cancellationToken);
        await notifications.NotifyAsync(new Recipients([Roles.RewardBoard]), "Ý kiến của nhân dân về hồ sơ đang công khai", comment.Body, $"/khen-thuong/{id}", cancellationToken);
        return new PublicCommentDto(comment.Id, id, comment.Name, comment.Contact, comment.Body, comment.CreatedAt, false);
    }

    public async Task<IReadOnlyList<PublicCommentDto>> CommentsAsync(int id, bool markRead, ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        var comments = await db.PublicComments.Where(c => c.NominationId == id).OrderBy(c => c.CreatedAt).ToListAsync(cancellationToken);
        var list = comments.Select(c => new PublicCommentDto(c.Id, c.NominationId, c.Name, c.Contact, c.Body, c.CreatedAt, c.ReadAt is not null)).ToList();
        if (markRead && comments.Any(c => c.ReadAt is null))
        {
            var now = clock.GetUtcNow().UtcDateTime;
            foreach (var c in comments.Where(c => c.ReadAt is null))
            {
                c.ReadAt = now;
                c.ReadBy = user.Identity?.Name;
            }
            await db.SaveChangesAsync(cancellationToken);
        }
        return list;
    }

    public async Task<IReadOnlyList<NoticeDto>> NoticesAsync(CancellationToken cancellationToken = default)
    {
        var today = VietnamTime.Today(clock);
        var list = await Load().Where(n => n.Status == NominationStatus.PubliclyNoticed && n.NoticeEnd >= today).ToListAsync(cancellationToken);
        return list
            .Select(n => new NoticeDto(n.Id, NomineeName(n), n.NomineeKind, n.Award, n.Round, n.Year, n.Achievements, n.NoticeStart!.Value, n.NoticeEnd!.Value))
            .ToList();
    }

    public async Task<Nomination> FindAsync(int id, CancellationToken cancellationToken) =>
        await db.Nominations.Include(n => n.Steps).FirstOrDefaultAsync(n => n.Id == id, cancellationToken)
            ?? throw new NotFoundException($"Không có hồ sơ khen thưởng số {id}.");

    public void Move(Nomination nomination, NominationStatus to, ClaimsPrincipal user, string? reason)
    {
        NominationWorkflow.EnsureCanMove(nomination.Status, to);
        nomination.Steps.Add(Step(nomination.Status, to, user, reason));
        nomination.Status = to;
    }

    public NominationStep Step(NominationStatus? from, NominationStatus to, ClaimsPrincipal user, string? reason) =>
        new() { At = clock.GetUtcNow().UtcDateTime, UserName = user.Identity?.Name, From = from, To = to, Reason = reason };

    public static string NomineeName(Nomination n) => n.NomineeKind is NomineeKind.Unit or NomineeKind.Enterprise
        ? n.NomineeUnit?.Name ?? ""
        : $"{n.PersonFullName}{(string.IsNullOrWhiteSpace(n.PersonPosition) ? "" : $", {n.PersonPosition}")}{(string.IsNullOrWhiteSpace(n.PersonOrganization) ? "" : $", {n.PersonOrganization}")}";

    public static string KindCode(DocumentKind kind) => ApiCodes.Code(kind);

    private async Task<NominationDto> BoardStepAsync(int id, NominationStatus to, string? reason, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var nomination = await FindAsync(id, cancellationToken);
        if (nomination.Award == AwardLevel.UnitCertificate)
        {
            throw DomainException.ForField("award", "Giấy khen do đơn vị tự xét, quyết định theo thẩm quyền; Ban Thi đua – Khen thưởng không tiếp nhận.");
        }
        Move(nomination, to, user, reason);
        if (to == NominationStatus.Rejected)
        {
            nomination.RejectionReason = reason;
        }
        await db.SaveChangesAsync(cancellationToken);
        if (to is NominationStatus.Returned or NominationStatus.Rejected)
        {
            await notifications.NotifyAsync(NotificationService.UnitStaff(nomination.ProposingUnitId),
                to == NominationStatus.Returned ? "Hồ sơ khen thưởng được trả lại" : "Hồ sơ khen thưởng không được khen thưởng", reason ?? "", $"/khen-thuong/{id}", cancellationToken);
        }
        return await GetAsync(id, user, cancellationToken);
    }

    private async Task ApplyAsync(Nomination nomination, NominationRequest request, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var round = request.Round!.Value;
        nomination.Round = round;
        nomination.Year = round switch
        {
            NominationRound.Midterm => 2023,
            NominationRound.Final => 2025,
            _ => request.Year ?? throw DomainException.ForField("year", "Khen thưởng hằng năm cần năm (year)."),
        };
        if (round == NominationRound.Annual && nomination.Year > VietnamTime.Today(clock).Year)
        {
            throw DomainException.ForField("year", $"Năm {nomination.Year} chưa đến.");
        }
        nomination.NomineeKind = request.NomineeKind!.Value;
        nomination.Award = request.Award!.Value;
        // Section IV.3: each year units reward within their own authority; the Chairman's certificate and state
        // awards are proposed at the mid-term and final reviews.
        if (round == NominationRound.Annual && nomination.Award != AwardLevel.UnitCertificate)
        {
            throw DomainException.ForField("award", "Khen thưởng hằng năm do cơ quan, đơn vị, địa phương xét theo thẩm quyền (Giấy khen); Bằng khen của Chủ tịch UBND tỉnh và khen thưởng cấp Nhà nước được đề nghị khi sơ kết, tổng kết (mục IV.3).");
        }
        nomination.Achievements = request.Achievements.Trim().Normalize(System.Text.NormalizationForm.FormC);

        Unit? nominee = null;
        if (nomination.NomineeKind is NomineeKind.Unit or NomineeKind.Enterprise)
        {
            nominee = await UnitAsync(request.UnitCode, "unitCode", cancellationToken)
                ?? throw DomainException.ForField("unitCode", "Hồ sơ tập thể, doanh nghiệp cần mã đơn vị được đề nghị (unitCode).");
            if (nomination.NomineeKind == NomineeKind.Enterprise && nominee.Type != UnitType.Enterprise)
            {
                throw DomainException.ForField("unitCode", $"{nominee.Name} không phải doanh nghiệp.");
            }
            if (nomination.NomineeKind == NomineeKind.Unit && nominee.Type is UnitType.Enterprise or UnitType.Province)
            {
                throw DomainException.ForField("unitCode", $"{nominee.Name} không phải cơ quan, đơn vị, địa phương.");
            }
            nomination.PersonFullName = nomination.PersonPosition = nomination.PersonOrganization = nomination.PersonGender = null;
            nomination.PersonBirthDate = null;
        }
        else
        {
            var person = request.Person ?? throw DomainException.ForField("person", "Hồ sơ cá nhân, đối tượng khác cần họ tên, chức vụ, nơi công tác (person).");
            if (string.IsNullOrWhiteSpace(person.FullName))
            {
                throw DomainException.ForField("person.fullName", "Cần họ và tên.");
            }
            if (person.DateOfBirth is { } born && (born.Year < 1900 || born > VietnamTime.Today(clock)))
            {
                throw DomainException.ForField("person.dateOfBirth", "Ngày sinh không hợp lệ.");
            }
            if (person.Gender is { Length: > 0 } g && g.Trim().ToLowerInvariant() is not ("nam" or "nữ" or "nu" or "male" or "female"))
            {
                throw DomainException.ForField("person.gender", "Giới tính là \"nam\" hoặc \"nữ\".");
            }
            nomination.PersonFullName = person.FullName.Trim().Normalize(System.Text.NormalizationForm.FormC);
            nomination.PersonPosition = person.Position?.Trim();
            nomination.PersonOrganization = person.Organization?.Trim();
            nomination.PersonBirthDate = person.DateOfBirth;
            nomination.PersonGender = person.Gender?.Trim().ToLowerInvariant() switch { "nam" or "male" => "nam", "nữ" or "nu" or "female" => "nữ", _ => null };
        }
        nomination.NomineeUnitId = nominee?.Id;
        nomination.NomineeUnit = nominee;

        // The proposing unit: named explicitly, else the nominee unit, else the caller's own unit.
        var proposing = await UnitAsync(request.ProposingUnitCode, "proposingUnitCode", cancellationToken)
            ?? (nomination.NomineeKind == NomineeKind.Unit ? nominee : null)
            ?? (user.UnitId() is int own ? await db.Units.FirstAsync(u => u.Id == own, cancellationToken) : null)
            ?? throw DomainException.ForField("proposingUnitCode", "Cần mã đơn vị đề nghị (proposingUnitCode).");
        if (!Board.Any(user.IsInRole) && !user.IsProvinceWide())
        {
            user.EnsureCanActFor(proposing.Id);
        }
        nomination.ProposingUnitId = proposing.Id;
    }

    private async Task<Unit?> UnitAsync(string? code, string field, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(code))
        {
            return null;
        }
        return await db.Units.FirstOrDefaultAsync(u => u.Code == code.Trim(), cancellationToken)
            ?? throw DomainException.ForField(field, $"Không có đơn vị mã {code}.");
    }

    private static void EnsureProposer(ClaimsPrincipal user, Nomination nomination)
    {
        if (Board.Any(user.IsInRole) || user.IsProvinceWide())
        {
            return;
        }
        user.EnsureCanActFor(nomination.ProposingUnitId);
    }

    private static void EnsureCanRead(ClaimsPrincipal user, Nomination nomination)
    {
        if (Roles.ProvinceWide.Any(user.IsInRole))
        {
            return;
        }
        var own = user.UnitId();
        if (own is null || (own != nomination.ProposingUnitId && own != nomination.NomineeUnitId))
        {
            throw new NotFoundException($"Không có hồ sơ khen thưởng số {nomination.Id}.");
        }
    }

    private IQueryable<Nomination> Load() => db.Nominations.AsNoTracking()
        .Include(n => n.Movement).Include(n => n.NomineeUnit).Include(n => n.ProposingUnit)
        .Include(n => n.Steps).Include(n => n.Criteria)
        .Include(n => n.Documents).ThenInclude(d => d.File)
        .AsSplitQuery();

    private static NominationDto ToDto(Nomination n)
    {
        return new NominationDto(n.Id, n.Movement.Code, n.Round, n.Year, n.NomineeKind, n.NomineeUnit?.Code, NomineeName(n),
            n.ProposingUnit.Code, n.ProposingUnit.Name,
            n.PersonFullName is null ? null : new PersonDto(n.PersonFullName, n.PersonPosition, n.PersonOrganization, n.PersonBirthDate, n.PersonGender),
            n.Award, n.Achievements, n.Status.Code(),
            RewardNames.Missing(n.Award, n.Documents.Select(d => d.Kind)),
            n.Documents.OrderBy(d => d.Kind).ThenByDescending(d => d.VersionNumber)
                .Select(d => new DocumentDto(d.Id, d.Kind, d.VersionNumber, FileService.ToDto(d.File), d.UploadedAt, d.UploadedBy)).ToList(),
            n.Criteria.OrderBy(c => c.Code, StringComparer.Ordinal).Select(c => new CriterionDto(c.Code, c.Text, c.Mandatory, c.Checked, c.Note, c.CheckedBy)).ToList(),
            n.Steps.OrderBy(s => s.At).ThenBy(s => s.Id).Select(s => new StepDto(s.At, s.UserName, s.From?.Code(), s.To.Code(), s.Reason)).ToList(),
            n.NoticeStart, n.NoticeEnd, n.CouncilSessionId, n.DecisionId, n.RejectionReason, n.Version);
    }
}
