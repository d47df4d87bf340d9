using System.Text.Json;
using ThiDua.Core.Rewards;
using ThiDua.Core.Units;
using ThiDua.Data.Rewards;
using ThiDua.Data.Units;
using ThiDua.Web.Features.Assessment;
using ThiDua.Web.Features.Reports;
using ThiDua.Web.Features.Rewards;
using ThiDua.Web.Features.Targets;
using static ThiDua.Web.Infrastructure.Documents.DocumentWording;

namespace ThiDua.Web.Infrastructure.Documents;

/// <summary>
/// Drafts the content of each official document from the data (issue 11): the reward decision with its attached list,
/// the Tờ trình of a nomination and the province's Tờ trình of state awards, the council's minutes (tallies only — no
/// ballot exists to print), the consolidated annual report (R5) and the published DTI ranking. The wording is a draft
/// the body's staff may correct in Word (a new DOCX version); what the data knows is never typed in by hand.
/// </summary>
public sealed class DocumentComposer(ThiDuaDbContext db, RewardRulesService rules, ConsolidatedReportBuilder reports, FrameworkService frameworks,
    ResultsService results, TimeProvider clock)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>The Reward Board's mark in "Lưu: VT, TĐKT." (Ban Thi đua – Khen thưởng).</summary>
    private const string BoardFile = "Lưu: VT, TĐKT.";

    // ---- Quyết định khen thưởng ----

    public async Task<OfficialDocumentContent> DecisionAsync(int decisionId, CancellationToken cancellationToken = default)
    {
        var decision = await db.Decisions.AsNoTracking().Include(d => d.Rewards).ThenInclude(r => r.Unit)
            .FirstOrDefaultAsync(d => d.Id == decisionId, cancellationToken)
            ?? throw new NotFoundException($"Không có quyết định số {decisionId}.");
        if (decision.Central)
        {
            throw new DomainException($"Quyết định {decision.Number} là của {decision.Issuer}, không do ThiDua soạn: chỉ ghi nhận.");
        }
        var province = await ProvinceAsync(cancellationToken);
        var unit = decision.IssuingUnitId is int unitId ? await db.Units.AsNoTracking().FirstAsync(u => u.Id == unitId, cancellationToken) : null;
        var nominations = await db.Nominations.AsNoTracking().Include(n => n.Movement).Include(n => n.ProposingUnit)
            .Where(n => n.DecisionId == decisionId).ToListAsync(cancellationToken);
        var award = decision.Rewards.Select(r => r.Award).FirstOrDefault(AwardLevel.ChairmanCertificate);
        var ruleSet = await rules.InForceAsync(award, decision.Date, cancellationToken);
        var signature = SignatureBlock.FromTitle(decision.SignerTitle, decision.SignerName);
        var head = HeadTitle(signature);
        var awardName = unit is null ? "Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh" : "Giấy khen";
        var issuerName = unit is null ? $"Chủ tịch Ủy ban nhân dân {Lower(province.Name)}" : $"{Capitalize(head)} {BodyName(unit)}";
        var bases = new List<string> { OrganisationLaw(decision.Date) };
        bases.AddRange(LegalTexts(ruleSet.Source));
        bases.AddRange(nominations.Select(n => n.Movement).DistinctBy(m => m.Id).Where(m => m.DecisionNumber is not null).Select(PlanBasis));
        var proposers = nominations.Select(n => n.ProposingUnit.Name).Distinct().Order(StringComparer.Ordinal).ToList();
        bases.Add(unit is null
            ? $"Xét đề nghị của {Join(proposers)} và của Giám đốc Sở Nội vụ (Ban Thi đua – Khen thưởng)."
            : $"Xét đề nghị của Hội đồng Thi đua – Khen thưởng {PlaceName(unit)}.");

        var collectives = decision.Rewards.Where(r => NominationRules.IsUnitNominee(r.NomineeKind)).ToList();
        var people = decision.Rewards.Except(collectives).ToList();
        var total = decision.Rewards.Any(r => r.MoneyAmount is not null) ? decision.Rewards.Sum(r => r.MoneyAmount ?? 0) : (decimal?)null;
        var round = nominations.FirstOrDefault() is { } first ? RoundText(first) : "";
        var movement = nominations.FirstOrDefault()?.Movement.Name ?? "phong trào thi đua";
        var body = new List<DocumentBlock>
        {
            new TextParagraph("QUYẾT ĐỊNH:") { Bold = true, Centered = true },
            new Article("Điều 1.", $"Tặng {awardName} cho {Count(collectives.Count, people.Count)} (có danh sách kèm theo), đã có thành tích xuất sắc trong {Lower(movement)}{round}."),
        };
        if (total is { } money)
        {
            body.Add(new TextParagraph($"Mức tiền thưởng theo {ShortSource(ruleSet.Source)}: {MoneyRule(ruleSet, collectives.Count > 0, people.Count > 0)}; tổng số tiền thưởng là {DocumentDates.Money(money)} đồng."));
            body.Add(new Article("Điều 2.", $"Tiền thưởng chi từ Quỹ Thi đua, khen thưởng của {(unit is null ? "tỉnh" : BodyName(unit))} theo quy định."));
        }
        else
        {
            body.Add(new Article("Điều 2.", "Quyết định này có hiệu lực kể từ ngày ký."));
        }
        body.Add(new Article("Điều 3.", (unit is null
            ? "Chánh Văn phòng Ủy ban nhân dân tỉnh, Giám đốc Sở Nội vụ, Thủ trưởng các cơ quan, đơn vị có liên quan và các tập thể, cá nhân có tên tại Điều 1 chịu trách nhiệm thi hành Quyết định này."
            : $"Văn phòng {BodyName(unit)}, các phòng, đơn vị có liên quan và các tập thể, cá nhân có tên tại Điều 1 chịu trách nhiệm thi hành Quyết định này.")
            + (total is null ? "" : " Quyết định này có hiệu lực kể từ ngày ký.")));

        return new OfficialDocumentContent
        {
            Title = $"Quyết định số {decision.Number} ngày {DocumentDates.Short(decision.Date)} về việc tặng {awardName}",
            IssuingBody = unit is null ? ProvinceBody(province) : UnitBody(unit, province),
            Number = decision.Number,
            Place = Place(province),
            Date = decision.Date,
            DocumentType = "QUYẾT ĐỊNH",
            Subject = $"Về việc tặng {awardName}",
            Authority = unit is null ? $"{head} ỦY BAN NHÂN DÂN {Upper(province.Name)}" : $"{head} {Upper(BodyName(unit))}",
            LegalBases = bases,
            Body = body,
            Annexes = [RewardList(decision, collectives, people, awardName, issuerName)],
            Signature = signature,
            Recipients = unit is null
                ? ["Như Điều 3;", "Chủ tịch, các Phó Chủ tịch UBND tỉnh;", "Sở Nội vụ (Ban Thi đua – Khen thưởng);", BoardFile]
                : ["Như Điều 3;", "Lưu: VT."],
        };
    }

    /// <summary>The attached list: collectives, then individuals, each numbered from 1, with the money of the rules issue when it exists.</summary>
    private static Annex RewardList(RewardDecision decision, List<Reward> collectives, List<Reward> people, string awardName, string issuerName)
    {
        var withMoney = decision.Rewards.Any(r => r.MoneyAmount is not null);
        var form = awardName.StartsWith("Bằng khen", StringComparison.Ordinal) ? "Bằng khen" : "Giấy khen";
        List<TableColumn> columns =
        [
            new("STT", 0.08, CellAlign.Center), new("Họ và tên / Tên tập thể", withMoney ? 0.3 : 0.38), new("Chức vụ, đơn vị", withMoney ? 0.3 : 0.38),
            new("Hình thức", 0.14, CellAlign.Center),
        ];
        if (withMoney)
        {
            columns.Add(new("Số tiền (đồng)", 0.18, CellAlign.Right));
        }
        var rows = new List<DocumentRow>();
        void Group(string heading, List<Reward> rewards, Func<Reward, (string Name, string Where)> describe)
        {
            if (rewards.Count == 0)
            {
                return;
            }
            rows.Add(DocumentRow.GroupRow(heading));
            var i = 0;
            foreach (var reward in rewards.OrderBy(r => r.Id))
            {
                var (name, where) = describe(reward);
                List<string> cells = [$"{++i}", name, where, form];
                if (withMoney)
                {
                    cells.Add(reward.MoneyAmount is { } m ? DocumentDates.Money(m) : "");
                }
                rows.Add(new DocumentRow(cells));
            }
        }
        Group($"{(collectives.Count > 0 && people.Count > 0 ? "I. " : "")}TẬP THỂ ({collectives.Count})", collectives, r => (r.Unit?.Name ?? "", ""));
        Group($"{(collectives.Count > 0 && people.Count > 0 ? "II. " : "")}CÁ NHÂN ({people.Count})", people,
            r => (r.PersonFullName ?? "", string.Join(", ", new[] { r.PersonPosition, r.PersonOrganization ?? r.Unit?.Name }.Where(s => !string.IsNullOrWhiteSpace(s)))));
        if (withMoney)
        {
            rows.Add(new DocumentRow(["", "Tổng cộng", "", "", DocumentDates.Money(decision.Rewards.Sum(r => r.MoneyAmount ?? 0))]) { Bold = true });
        }
        return new Annex($"DANH SÁCH TẬP THỂ, CÁ NHÂN ĐƯỢC TẶNG {Upper(awardName)}",
            $"(Kèm theo Quyết định số {decision.Number} ngày {DocumentDates.Short(decision.Date)} của {issuerName})",
            new DocumentTable(columns, rows));
    }

    // ---- Tờ trình ----

    /// <summary>The province's Tờ trình of state awards to the Prime Minister, with the list of those it proposes.</summary>
    public async Task<OfficialDocumentContent> StateProposalAsync(int stateProposalId, CancellationToken cancellationToken = default)
    {
        var proposal = await db.StateProposals.AsNoTracking().FirstOrDefaultAsync(p => p.Id == stateProposalId, cancellationToken)
            ?? throw new NotFoundException($"Không có tờ trình số {stateProposalId}.");
        var province = await ProvinceAsync(cancellationToken);
        var nominations = await db.Nominations.AsNoTracking().Include(n => n.NomineeUnit).Include(n => n.ProposingUnit).Include(n => n.Movement)
            .Where(n => n.StateProposalId == stateProposalId).OrderBy(n => n.Id).ToListAsync(cancellationToken);
        var ruleSet = await rules.InForceAsync(AwardLevel.StateAward, proposal.Date, cancellationToken);
        var ids = nominations.Select(n => n.Id).ToList();
        var sessions = await db.CouncilSessions.AsNoTracking().Where(s => s.Closed && s.ResultJson != null)
            .Where(s => db.BallotTallies.Any(t => t.SessionId == s.Id && ids.Contains(t.NominationId)))
            .OrderBy(s => s.Date).Select(s => s.Date).ToListAsync(cancellationToken);
        var bases = new List<string> { OrganisationLaw(proposal.Date) };
        bases.AddRange(LegalTexts(ruleSet.Source));
        bases.AddRange(nominations.Select(n => n.Movement).DistinctBy(m => m.Id).Where(m => m.DecisionNumber is not null).Select(PlanBasis));
        bases.AddRange(sessions.Distinct().Select(d => $"Căn cứ kết quả họp xét của Hội đồng Thi đua – Khen thưởng tỉnh {DocumentDates.Long(d)};"));
        EndBases(bases);
        var units = nominations.Count(n => NominationRules.IsUnitNominee(n.NomineeKind));
        var signature = SignatureBlock.FromTitle(proposal.SignerTitle, proposal.SignerName);
        var movement = nominations.FirstOrDefault()?.Movement.Name ?? "phong trào thi đua";
        return new OfficialDocumentContent
        {
            Title = $"Tờ trình số {proposal.Number} ngày {DocumentDates.Short(proposal.Date)} đề nghị khen thưởng cấp Nhà nước",
            IssuingBody = ProvinceBody(province),
            Number = proposal.Number,
            Place = Place(province),
            Date = proposal.Date,
            DocumentType = "TỜ TRÌNH",
            Subject = "Về việc đề nghị khen thưởng cấp Nhà nước",
            Addressees = ["Thủ tướng Chính phủ;", "Bộ Nội vụ (Ban Thi đua – Khen thưởng Trung ương)."],
            LegalBases = bases,
            Body =
            [
                new TextParagraph($"Ủy ban nhân dân {Lower(province.Name)} kính trình Thủ tướng Chính phủ xem xét, trình Chủ tịch nước hoặc quyết định khen thưởng cấp Nhà nước cho {Count(units, nominations.Count - units)} (có danh sách và hồ sơ kèm theo), đã có thành tích xuất sắc trong {Lower(movement)}."),
                new TextParagraph($"Các hồ sơ đã được công khai lấy ý kiến Nhân dân và được Hội đồng Thi đua – Khen thưởng tỉnh xét, thông qua theo quy định tại {ShortSource(ruleSet.Source)}."),
                new TextParagraph($"Ủy ban nhân dân {Lower(province.Name)} kính trình Thủ tướng Chính phủ xem xét, quyết định./."),
            ],
            Annexes =
            [
                new Annex("DANH SÁCH ĐỀ NGHỊ KHEN THƯỞNG CẤP NHÀ NƯỚC",
                    $"(Kèm theo Tờ trình số {proposal.Number} ngày {DocumentDates.Short(proposal.Date)} của Ủy ban nhân dân {Lower(province.Name)})",
                    new DocumentTable(
                        [new("STT", 0.08, CellAlign.Center), new("Họ và tên / Tên tập thể", 0.3), new("Chức vụ, đơn vị", 0.24), new("Tóm tắt thành tích", 0.38)],
                        nominations.Select((n, i) => new DocumentRow([$"{i + 1}", NomineeOf(n).Name, NomineeOf(n).Where, Summary(n.Achievements)])).ToList())),
            ],
            Signature = signature with { Authority = signature.Authority is { } a ? $"TM. ỦY BAN NHÂN DÂN\n{a}" : "TM. ỦY BAN NHÂN DÂN" },
            Recipients = ["Như trên;", "Chủ tịch, các Phó Chủ tịch UBND tỉnh;", "Sở Nội vụ (Ban Thi đua – Khen thưởng);", BoardFile],
        };
    }

    /// <summary>A unit's Tờ trình for its nominee: to the Chairman (and the Board) for a Bằng khen or a state award, to its own council for a Giấy khen.</summary>
    public async Task<OfficialDocumentContent> ProposalAsync(int nominationId, CancellationToken cancellationToken = default)
    {
        var nomination = await db.Nominations.AsNoTracking().Include(n => n.ProposingUnit).Include(n => n.NomineeUnit).Include(n => n.Movement).Include(n => n.Steps)
            .FirstOrDefaultAsync(n => n.Id == nominationId, cancellationToken)
            ?? throw new NotFoundException($"Không có hồ sơ số {nominationId}.");
        var province = await ProvinceAsync(cancellationToken);
        var unit = nomination.ProposingUnit;
        var submitted = nomination.Steps.Where(s => s.To == NominationStatus.Submitted).OrderBy(s => s.At).LastOrDefault();
        var date = submitted is null ? VietnamTime.Today(clock) : VietnamTime.DayOf(submitted.At);
        var ruleSet = await rules.InForceAsync(nomination.Award, date, cancellationToken);
        var signer = submitted?.UserName is { } userName
            ? await db.Users.AsNoTracking().Where(u => u.UserName == userName).Select(u => u.FullName).FirstOrDefaultAsync(cancellationToken)
            : await LeaderNameAsync(unit.Id, cancellationToken);
        var (toWhom, addressees) = nomination.Award == AwardLevel.UnitCertificate
            ? ($"Hội đồng Thi đua – Khen thưởng {PlaceName(unit)}", new[] { $"Hội đồng Thi đua – Khen thưởng {PlaceName(unit)}." })
            : ($"Chủ tịch Ủy ban nhân dân {Lower(province.Name)}", new[] { $"Chủ tịch Ủy ban nhân dân {Lower(province.Name)};", "Sở Nội vụ (Ban Thi đua – Khen thưởng)." });
        var award = nomination.Award switch
        {
            AwardLevel.UnitCertificate => $"Giấy khen của {BodyName(unit)}",
            AwardLevel.ChairmanCertificate => "Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh",
            _ => "khen thưởng cấp Nhà nước",
        };
        var nominee = NomineeOf(nomination);
        var bases = LegalTexts(ruleSet.Source).ToList();
        if (nomination.Movement.DecisionNumber is not null)
        {
            bases.Add(PlanBasis(nomination.Movement));
        }
        EndBases(bases);
        var body = new List<DocumentBlock>
        {
            new TextParagraph($"Thực hiện {nomination.Movement.Name}{RoundText(nomination)}, {BodyName(unit)} đã tổ chức bình xét và đề nghị {toWhom} xem xét, {(nomination.Award == AwardLevel.StateAward ? "đề nghị" : "tặng")} {award} cho:"),
            new TextParagraph($"{nominee.Name}{(nominee.Where.Length > 0 ? $", {nominee.Where}" : "")}.") { Bold = true },
            new SectionHeading("Thành tích:"),
        };
        body.AddRange(Paragraphs(nomination.Achievements).Select(p => new TextParagraph(p)));
        body.Add(new TextParagraph($"Hồ sơ kèm theo: {Lower(DocumentKind.AchievementReport.VietnameseName())}; {Lower(DocumentKind.Minutes.VietnameseName())} {PlaceName(unit)}."));
        body.Add(new TextParagraph($"{BodyName(unit)} kính trình {toWhom} xem xét, quyết định./."));
        return new OfficialDocumentContent
        {
            Title = $"Tờ trình của {BodyName(unit)} đề nghị tặng {award} cho {nominee.Name}",
            IssuingBody = UnitBody(unit, province),
            Symbol = $"TTr-{unit.Abbreviation ?? "…"}",
            Place = Place(province),
            Date = date,
            DocumentType = "TỜ TRÌNH",
            Subject = nomination.Award == AwardLevel.StateAward ? "Về việc đề nghị khen thưởng cấp Nhà nước" : $"Về việc đề nghị tặng {award}",
            Addressees = addressees,
            LegalBases = bases,
            Body = body,
            Signature = new SignatureBlock(UnitHeadAuthority(unit), UnitHeadTitle(unit), signer ?? ""),
            Recipients = ["Như trên;", "Lưu: VT."],
        };
    }

    // ---- Biên bản ----

    /// <summary>The council's minutes: who sat and who did not, the quorum, and each nomination's counts — only counts exist.</summary>
    public async Task<OfficialDocumentContent> MinutesAsync(int councilSessionId, CancellationToken cancellationToken = default)
    {
        var session = await db.CouncilSessions.AsNoTracking().Include(s => s.Council).ThenInclude(c => c!.IssuingUnit).Include(s => s.Members).ThenInclude(m => m.User)
            .FirstOrDefaultAsync(s => s.Id == councilSessionId, cancellationToken)
            ?? throw new NotFoundException($"Không có phiên họp số {councilSessionId}.");
        if (!session.Closed || session.ResultJson is null)
        {
            throw new DomainException("Phiên họp chưa kết thúc bỏ phiếu: biên bản có sau khi Ban Thi đua – Khen thưởng kết thúc phiên họp.");
        }
        var result = JsonSerializer.Deserialize<SessionResultDto>(session.ResultJson, Json)!;
        var province = await ProvinceAsync(cancellationToken);
        var ids = result.Tallies.Select(t => t.NominationId).ToList();
        var award = await db.Nominations.AsNoTracking().Where(n => ids.Contains(n.Id)).Select(n => (AwardLevel?)n.Award).FirstOrDefaultAsync(cancellationToken);
        var councilUnit = session.Council?.IssuingUnit ?? province;
        var councilName = session.Council?.Name ?? $"Hội đồng Thi đua – Khen thưởng {Lower(province.Name)}";
        var absent = result.Absent.ToHashSet(StringComparer.Ordinal);
        var present = session.Members.Select(m => m.User.FullName).Where(n => !absent.Contains(n)).Order(StringComparer.Ordinal).ToList();
        var secretary = session.ClosedBy is { } closedBy
            ? await db.Users.AsNoTracking().Where(u => u.UserName == closedBy).Select(u => u.FullName).FirstOrDefaultAsync(cancellationToken)
            : null;
        var awardText = award switch
        {
            AwardLevel.UnitCertificate => "tặng Giấy khen",
            AwardLevel.ChairmanCertificate => "tặng Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh",
            AwardLevel.StateAward => "đề nghị khen thưởng cấp Nhà nước",
            _ => "khen thưởng",
        };
        return new OfficialDocumentContent
        {
            Title = $"Biên bản họp {councilName} ngày {DocumentDates.Short(session.Date)}",
            IssuingBody = new IssuingBody(councilUnit.Type == UnitType.Province ? $"UBND {Upper(province.Name)}" : Upper(BodyName(councilUnit)), "HỘI ĐỒNG THI ĐUA –\nKHEN THƯỞNG"),
            Symbol = "BB-HĐTĐKT",
            Place = Place(province),
            Date = session.Date,
            DocumentType = "BIÊN BẢN",
            Subject = $"Họp Hội đồng Thi đua – Khen thưởng xét {awardText}",
            Body = MinutesBody(session, result, councilName, present),
            Signature = new SignatureBlock(null, "CHỦ TỌA", ""),
            CoSignature = new SignatureBlock(null, "THƯ KÝ", secretary ?? ""),
        };
    }

    private static List<DocumentBlock> MinutesBody(CouncilSession session, SessionResultDto result, string councilName, List<string> present)
    {
        var share = result.PassOfMembers ? "tổng số thành viên Hội đồng" : "số thành viên có mặt";
        var basis = result.PassOfMembers ? result.Members : result.Present;
        var rows = result.Tallies.Select((t, i) => new DocumentRow([
            $"{i + 1}", t.NomineeName, $"{t.Yes}", $"{t.No}", $"{t.Abstain}",
            basis == 0 ? "" : $"{DocumentDates.Number(100.0 * t.Yes / basis, 1)}%", t.Passed ? "Thông qua" : "Không thông qua"])).ToList();
        return
        [
            new TextParagraph($"Hôm nay, {DocumentDates.Long(session.Date)}, {councilName} họp xét khen thưởng{(session.Title is { Length: > 0 } title ? $" ({title})" : "")}."),
            new SectionHeading("I. THÀNH PHẦN"),
            new TextParagraph($"Tổng số thành viên Hội đồng: {result.Members}; có mặt và bỏ phiếu: {result.Present}; vắng mặt: {result.Members - result.Present}."),
            new TextParagraph($"Thành viên có mặt: {(present.Count == 0 ? "không có" : string.Join(", ", present))}."),
            new TextParagraph(result.Absent.Count == 0 ? "Thành viên vắng mặt: không có." : $"Thành viên vắng mặt: {string.Join(", ", result.Absent)}."),
            new TextParagraph($"Túc số theo quy định: {DocumentDates.Number(result.QuorumFraction * 100, 1)}% tổng số thành viên; phiên họp {(result.QuorumMet ? "đủ" : "không đủ")} túc số."),
            new SectionHeading("II. KẾT QUẢ BỎ PHIẾU KÍN"),
            new TextParagraph($"Hội đồng bỏ phiếu kín; hồ sơ được thông qua khi số phiếu đồng ý đạt từ {DocumentDates.Number(result.PassFraction * 100, 1)}% {share} trở lên. Kết quả kiểm phiếu:"),
            new DocumentTable(
                [new("STT", 0.07, CellAlign.Center), new("Hồ sơ đề nghị", 0.29), new("Đồng ý", 0.1, CellAlign.Center), new("Không đồng ý", 0.11, CellAlign.Center),
                 new("Không biểu quyết", 0.12, CellAlign.Center), new("Tỷ lệ đồng ý", 0.11, CellAlign.Center), new("Kết quả", 0.2, CellAlign.Center)],
                rows),
            new TextParagraph("Phiếu bầu kín chỉ được kiểm đếm theo từng hồ sơ; không ghi nhận lựa chọn của từng thành viên."),
            new TextParagraph($"Biên bản được lập và thông qua tại phiên họp ngày {DocumentDates.Short(session.Date)}./."),
        ];
    }

    // ---- Báo cáo tổng hợp (R5) ----

    /// <summary>The standing department's consolidated report of a year to the Provincial People's Committee (R5, due 31/12).</summary>
    public async Task<OfficialDocumentContent> ConsolidatedReportAsync(string movementCode, int year, CancellationToken cancellationToken = default)
    {
        var report = await reports.BuildAsync(movementCode, year, cancellationToken);
        var movement = await db.Movements.AsNoTracking().FirstAsync(m => m.Code == report.MovementCode, cancellationToken);
        var province = await ProvinceAsync(cancellationToken);
        var today = VietnamTime.Today(clock);
        var standing = await StandingBodyAsync(today, province, cancellationToken);
        var names = await db.Units.AsNoTracking().ToDictionaryAsync(u => u.Code, u => u.Name, cancellationToken);
        var body = new List<DocumentBlock>
        {
            new TextParagraph($"Thực hiện {(movement.DecisionNumber is null ? "kế hoạch" : $"Quyết định số {movement.DecisionNumber} ngày {DocumentDates.Short(movement.DecisionDate!.Value)} của Chủ tịch Ủy ban nhân dân tỉnh")} về {movement.Name}, {standing.Name} báo cáo kết quả thực hiện năm {year} như sau:"),
        };
        body.AddRange(ReportSections(report, names));
        return new OfficialDocumentContent
        {
            Title = $"Báo cáo kết quả thực hiện phong trào thi đua năm {year} ({report.MovementCode})",
            IssuingBody = standing.Type == UnitType.Province ? ProvinceBody(province) : UnitBody(standing, province),
            Symbol = $"BC-{standing.Abbreviation ?? "…"}",
            Place = Place(province),
            Date = today,
            DocumentType = "BÁO CÁO",
            Subject = $"Kết quả thực hiện {Lower(report.MovementName)} năm {year}",
            Addressees = [$"Ủy ban nhân dân {Lower(province.Name)}."],
            Body = body,
            Annexes = report.Targets.Count == 0 ? [] : [TargetAnnex(report, standing)],
            Signature = new SignatureBlock(UnitHeadAuthority(standing), UnitHeadTitle(standing), await LeaderNameAsync(standing.Id, cancellationToken) ?? ""),
            Recipients = ["Như trên;", "Sở Nội vụ (Ban Thi đua – Khen thưởng);", "Lưu: VT."],
        };
    }

    private static IEnumerable<DocumentBlock> ReportSections(ConsolidatedReportDto report, Dictionary<string, string> names)
    {
        var registration = report.Registration;
        yield return new SectionHeading("I. TRIỂN KHAI, ĐĂNG KÝ THI ĐUA");
        yield return new TextParagraph($"Tổng số cơ quan, đơn vị, địa phương tham gia phong trào: {registration.Total}; đã phát động: {registration.Launched} ({Percent(registration.Launched, registration.Total)}); đã đăng ký thi đua: {registration.Registered} ({Percent(registration.Registered, registration.Total)}).");
        yield return new SectionHeading("II. BÁO CÁO CỦA CÁC CƠ QUAN, ĐƠN VỊ");
        var status = report.Reports;
        yield return new TextParagraph($"Hạn gửi báo cáo: {DocumentDates.Short(status.EffectiveDeadline == default ? status.Deadline : status.EffectiveDeadline)}. Đúng hạn: {status.OnTime.Count}; muộn: {status.Late.Count}; chưa báo cáo: {status.Missing.Count}.");
        if (status.Missing.Count > 0)
        {
            yield return new TextParagraph($"Đơn vị chưa báo cáo: {string.Join(", ", status.Missing.Select(c => names.GetValueOrDefault(c, c)))}.");
        }
        yield return new SectionHeading("III. KẾT QUẢ ĐÁNH GIÁ CHỈ SỐ CHUYỂN ĐỔI SỐ (DTI)");
        if (report.Dti.Count == 0)
        {
            yield return new TextParagraph($"Chưa có bộ chỉ số đánh giá năm {report.Year}.");
        }
        else
        {
            yield return new DocumentTable(
                [new("Bộ chỉ số", 0.42), new("Số đơn vị", 0.12, CellAlign.Center), new("Điểm trung bình (thang 100)", 0.16, CellAlign.Center), new("Xếp loại", 0.3)],
                report.Dti.Select(d => new DocumentRow([
                    d.FrameworkName + (d.Published ? "" : " (chưa công bố, tạm tính)"), $"{d.Units}", DocumentDates.Score(d.AverageScore100),
                    string.Join("; ", d.Bands.Select(b => $"{b.Band}: {b.Units}"))])).ToList());
        }
        yield return new SectionHeading("IV. THỰC HIỆN NHIỆM VỤ ĐƯỢC GIAO");
        yield return new TextParagraph(report.TaskCompletionRate is { } rate
            ? $"Tỷ lệ hoàn thành nhiệm vụ được giao: {DocumentDates.Number(rate * 100, 1)}% ({report.TaskUnits} cơ quan, đơn vị có nhiệm vụ)."
            : "Chưa có nhiệm vụ được giao trong năm.");
        yield return new SectionHeading("V. CHỈ TIÊU CỦA NGHỊ QUYẾT 09-NQ/TU");
        yield return new TextParagraph(report.TargetsByStatus.Count == 0
            ? "Chưa có số liệu chỉ tiêu."
            : $"Tình hình thực hiện các chỉ tiêu (chi tiết tại Phụ lục kèm theo): {string.Join("; ", report.Targets.GroupBy(t => t.Status).Select(g => $"{Lower(TargetService.VietnameseName(g.Key))}: {g.Count()}"))}.");
        yield return new SectionHeading("VI. ĐỀ XUẤT, KIẾN NGHỊ");
        var proposals = report.UnitReports.Where(u => !string.IsNullOrWhiteSpace(u.Proposals)).ToList();
        if (proposals.Count == 0)
        {
            yield return new TextParagraph("Các cơ quan, đơn vị không có kiến nghị.");
        }
        foreach (var line in proposals)
        {
            yield return new TextParagraph($"- {line.UnitName}: {line.Proposals!.Trim()}");
        }
    }

    private static Annex TargetAnnex(ConsolidatedReportDto report, Unit standing) =>
        new("PHỤ LỤC: TÌNH HÌNH THỰC HIỆN CÁC CHỈ TIÊU", $"(Kèm theo Báo cáo của {standing.Name} về kết quả năm {report.Year})",
            new DocumentTable(
                [new("STT", 0.07, CellAlign.Center), new("Chỉ tiêu", 0.55), new("Giá trị mới nhất", 0.18, CellAlign.Center), new("Đánh giá", 0.2, CellAlign.Center)],
                report.Targets.Select((t, i) => new DocumentRow([
                    $"{i + 1}", t.Text, t.Latest is { } l ? $"{DocumentDates.Number(l.Value)} ({l.Year})" : "Chưa có", TargetService.VietnameseName(t.Status)])).ToList()));

    // ---- Kết quả xếp hạng DTI ----

    /// <summary>The published ranking of a framework as a Thông báo of the standing department, one table per type of unit.</summary>
    public async Task<OfficialDocumentContent> RankingAsync(string frameworkCode, CancellationToken cancellationToken = default)
    {
        var framework = await frameworks.FindAsync(frameworkCode, cancellationToken);
        var published = await results.PublishedAsync(framework, cancellationToken)
            ?? throw new NotFoundException($"Kết quả của bộ chỉ số {frameworkCode} chưa được công bố.");
        var province = await ProvinceAsync(cancellationToken);
        var date = VietnamTime.DayOf(published.PublishedAt!.Value);
        var standing = await StandingBodyAsync(date, province, cancellationToken);
        var body = new List<DocumentBlock>
        {
            new TextParagraph($"Căn cứ {published.FrameworkName}; kết quả tự đánh giá của các cơ quan, đơn vị và kết quả thẩm định, {standing.Name} thông báo kết quả đánh giá, xếp hạng mức độ chuyển đổi số năm {published.Year} như sau (điểm quy về thang 100):"),
        };
        foreach (var group in published.Items.GroupBy(i => i.UnitType))
        {
            var typeName = UnitTypes.TryParse(group.Key, out var type) ? type.VietnameseName() : group.Key;
            body.Add(new SectionHeading($"Khối {Lower(typeName)} ({group.Count()} đơn vị)"));
            body.Add(new DocumentTable(
                [new("Hạng", 0.1, CellAlign.Center), new("Cơ quan, đơn vị", 0.55), new("Điểm", 0.15, CellAlign.Center), new("Xếp loại", 0.2, CellAlign.Center)],
                group.OrderBy(i => i.RankInType).ThenBy(i => i.UnitName, StringComparer.Ordinal)
                    .Select(i => new DocumentRow([$"{i.RankInType}", i.UnitName, DocumentDates.Score(i.Score100), i.Band ?? ""])).ToList()));
        }
        if (published.Pending.Count > 0)
        {
            body.Add(new TextParagraph($"Chưa xếp hạng (chưa hoàn thành thẩm định): {string.Join(", ", published.Pending)}."));
        }
        body.Add(new TextParagraph($"Mã kiểm tra (SHA-256) của dữ liệu công bố: {published.Sha256}.") { Italic = true });
        return new OfficialDocumentContent
        {
            Title = $"Thông báo kết quả xếp hạng {framework.Code}",
            IssuingBody = standing.Type == UnitType.Province ? ProvinceBody(province) : UnitBody(standing, province),
            Symbol = $"TB-{standing.Abbreviation ?? "…"}",
            Place = Place(province),
            Date = date,
            DocumentType = "THÔNG BÁO",
            Subject = $"Kết quả đánh giá, xếp hạng mức độ chuyển đổi số năm {published.Year}",
            Body = body,
            Signature = new SignatureBlock(UnitHeadAuthority(standing), UnitHeadTitle(standing), await LeaderNameAsync(standing.Id, cancellationToken) ?? ""),
            Recipients = ["UBND tỉnh (để báo cáo);", "Các cơ quan, đơn vị được đánh giá;", "Cổng thông tin điện tử tỉnh;", "Lưu: VT."],
        };
    }

    // ---- Shared pieces ----

    private async Task<Unit> ProvinceAsync(CancellationToken cancellationToken) =>
        await db.Units.AsNoTracking().FirstAsync(u => u.Type == UnitType.Province, cancellationToken);

    /// <summary>
    /// The movement's standing body on a date (the plan, section VI: Sở Thông tin và Truyền thông; its tasks passed to Sở
    /// Khoa học và Công nghệ on 01/03/2025): the department of that name in force that day, or the province when absent.
    /// </summary>
    private async Task<Unit> StandingBodyAsync(DateOnly date, Unit province, CancellationToken cancellationToken)
    {
        var name = date < new DateOnly(2025, 3, 1) ? "Sở Thông tin và Truyền thông" : "Sở Khoa học và Công nghệ";
        var candidates = await db.Units.AsNoTracking().Where(u => u.Name == name && u.Type == UnitType.Department).ToListAsync(cancellationToken);
        return candidates.FirstOrDefault(u => u.Validity.Contains(date)) ?? candidates.OrderByDescending(u => u.ValidFrom).FirstOrDefault() ?? province;
    }

    /// <summary>The full name of a unit leader's account of the unit, when there is one.</summary>
    private async Task<string?> LeaderNameAsync(int unitId, CancellationToken cancellationToken)
    {
        var leaderRole = await db.Roles.AsNoTracking().Where(r => r.Name == Roles.UnitLeader).Select(r => r.Id).FirstOrDefaultAsync(cancellationToken);
        return await db.Users.AsNoTracking().Where(u => u.UnitId == unitId && db.UserRoles.Any(ur => ur.UserId == u.Id && ur.RoleId == leaderRole))
            .OrderBy(u => u.UserName).Select(u => u.FullName).FirstOrDefaultAsync(cancellationToken);
    }
}
