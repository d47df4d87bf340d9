using ThiDua.Core.Errors;

namespace ThiDua.Core.Units;

public enum ReorganizationKind
{
    Merge,
    Split,
    Rename,
}

/// <summary>A new unit that a reorganization starts.</summary>
public sealed record NewUnitSpec(string Code, string Name, UnitType Type, string? ParentCode);

/// <summary>
/// The rules of one merge, split or rename (R2), checked before anything is written: the caller applies a valid plan
/// in one transaction — the old units end the day before <see cref="EffectiveDate"/>, the new ones start on it,
/// and every new unit lists every old one as a predecessor.
/// </summary>
public sealed record ReorganizationPlan(DateOnly EffectiveDate, ReorganizationKind Kind, IReadOnlyList<string> From, IReadOnlyList<NewUnitSpec> To)
{
    public DateOnly LastDayOfOldUnits => EffectiveDate.AddDays(-1);

    /// <summary>
    /// Checks the plan against the units that exist. <paramref name="existing"/> maps every known code to its validity.
    /// Throws <see cref="DomainException"/> naming each fault.
    /// </summary>
    public void Validate(IReadOnlyDictionary<string, Validity> existing)
    {
        var errors = new Dictionary<string, List<string>>();
        void Add(string field, string message)
        {
            if (!errors.TryGetValue(field, out var list))
            {
                errors[field] = list = [];
            }
            list.Add(message);
        }

        var (minFrom, maxFrom, exactTo) = Kind switch
        {
            ReorganizationKind.Merge => (2, int.MaxValue, (int?)1),
            ReorganizationKind.Split => (1, 1, null),
            _ => (1, 1, (int?)1),
        };
        if (From.Count < minFrom || From.Count > maxFrom)
        {
            Add("from", Kind switch
            {
                ReorganizationKind.Merge => "Hợp nhất cần ít nhất 2 đơn vị cũ.",
                ReorganizationKind.Split => "Chia tách cần đúng 1 đơn vị cũ.",
                _ => "Đổi tên cần đúng 1 đơn vị cũ.",
            });
        }
        if (exactTo is int n && To.Count != n)
        {
            Add("to", Kind == ReorganizationKind.Merge ? "Hợp nhất tạo ra đúng 1 đơn vị mới." : "Đổi tên tạo ra đúng 1 đơn vị mới.");
        }
        if (Kind == ReorganizationKind.Split && To.Count < 2)
        {
            Add("to", "Chia tách tạo ra ít nhất 2 đơn vị mới.");
        }

        foreach (var code in From.GroupBy(c => c, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1).Select(g => g.Key))
        {
            Add("from", $"Mã {code} được nêu hai lần.");
        }
        foreach (var code in From)
        {
            if (!existing.TryGetValue(code, out var validity))
            {
                Add("from", $"Không có đơn vị mã {code}.");
            }
            else if (!validity.Contains(LastDayOfOldUnits) || !validity.Contains(EffectiveDate))
            {
                Add("from", $"Đơn vị {code} không còn hiệu lực vào ngày {EffectiveDate:dd/MM/yyyy}.");
            }
            else if (validity.From >= EffectiveDate)
            {
                Add("from", $"Đơn vị {code} bắt đầu từ {validity.From:dd/MM/yyyy}, không thể kết thúc trước đó.");
            }
        }

        var newCodes = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < To.Count; i++)
        {
            var spec = To[i];
            var field = $"to[{i}]";
            if (string.IsNullOrWhiteSpace(spec.Code) || spec.Code.Length > 64)
            {
                Add(field, "Mã đơn vị mới phải có từ 1 đến 64 ký tự.");
            }
            else if (existing.ContainsKey(spec.Code) || !newCodes.Add(spec.Code))
            {
                Add(field, $"Mã {spec.Code} đã được dùng.");
            }
            if (string.IsNullOrWhiteSpace(spec.Name))
            {
                Add(field, "Tên đơn vị mới không được để trống.");
            }
            if (spec.ParentCode is { } parent && !newCodes.Contains(parent)
                && (!existing.TryGetValue(parent, out var pv) || !pv.Contains(EffectiveDate) || From.Contains(parent, StringComparer.OrdinalIgnoreCase)))
            {
                Add(field, $"Đơn vị cấp trên {parent} không có hiệu lực vào ngày {EffectiveDate:dd/MM/yyyy}.");
            }
        }

        if (errors.Count > 0)
        {
            throw new DomainException("Phương án sắp xếp đơn vị không hợp lệ.", errors.ToDictionary(e => e.Key, e => e.Value.ToArray()));
        }
    }
}
