using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using ThiDua.Core.Units;

namespace ThiDua.Web.Features.Units;

/// <summary>The unit form of the create and edit pages; dates are typed dd/MM/yyyy.</summary>
public sealed class UnitFormInput
{
    [Required(ErrorMessage = "Hãy nhập mã đơn vị."), StringLength(64)]
    [RegularExpression("^[A-Za-z0-9][A-Za-z0-9._-]*$", ErrorMessage = "Mã chỉ gồm chữ không dấu, chữ số và - . _")]
    public string Code { get; set; } = "";

    [Required(ErrorMessage = "Hãy nhập tên đơn vị."), StringLength(256, MinimumLength = 2, ErrorMessage = "Tên đơn vị từ 2 đến 256 ký tự.")]
    public string Name { get; set; } = "";

    [Required(ErrorMessage = "Hãy chọn loại đơn vị.")]
    public string Type { get; set; } = "";

    [StringLength(32)]
    public string? Subtype { get; set; }

    [StringLength(64)]
    public string? ParentCode { get; set; }

    [Required(ErrorMessage = "Hãy nhập ngày bắt đầu hiệu lực.")]
    public string ValidFrom { get; set; } = "";

    public string? ValidTo { get; set; }

    public int Version { get; set; }

    public (UnitType Type, DateOnly From, DateOnly? To)? Parse(ModelStateDictionary modelState)
    {
        var okType = UnitTypes.TryParse(Type, out var type);
        if (!okType)
        {
            modelState.AddModelError("Input.Type", "Loại đơn vị không hợp lệ.");
        }
        var from = DateInput.Parse(ValidFrom, "Input.ValidFrom", modelState, "Ngày bắt đầu hiệu lực");
        var to = DateInput.Parse(ValidTo, "Input.ValidTo", modelState, "Ngày hết hiệu lực");
        return okType && from is { } f && modelState.IsValid ? (type, f, to) : null;
    }

    /// <summary>The form's fields as the API's change of a unit; the create page adds the code.</summary>
    public UpdateUnitRequest ToRequest((UnitType Type, DateOnly From, DateOnly? To) parsed) => new()
    {
        Name = Name,
        Type = parsed.Type,
        Subtype = Subtype,
        ParentCode = ParentCode,
        ValidFrom = parsed.From,
        ValidTo = parsed.To,
    };
}
