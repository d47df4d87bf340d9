using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace ThiDua.Web.Infrastructure.Pages;

/// <summary>
/// Pages bind every <see cref="DateOnly"/> the way people type it: dd/MM/yyyy (one date style on every page, text boxes
/// with the placeholder "ngày/tháng/năm", never the browser's own date field, whose format follows the browser's
/// language), and yyyy-MM-dd as before (links, programs). A date that is neither is a Vietnamese model error.
/// </summary>
public sealed class DateInputModelBinder : IModelBinder
{
    public Task BindModelAsync(ModelBindingContext bindingContext)
    {
        var posted = bindingContext.ValueProvider.GetValue(bindingContext.ModelName);
        if (posted == ValueProviderResult.None)
        {
            return Task.CompletedTask;
        }
        bindingContext.ModelState.SetModelValue(bindingContext.ModelName, posted);
        var text = posted.FirstValue;
        if (string.IsNullOrWhiteSpace(text))
        {
            if (bindingContext.ModelType == typeof(DateOnly?))
            {
                bindingContext.Result = ModelBindingResult.Success(null);
            }
            return Task.CompletedTask;
        }
        if (DateInput.TryParse(text, out var date))
        {
            bindingContext.Result = ModelBindingResult.Success(date);
            return Task.CompletedTask;
        }
        bindingContext.ModelState.TryAddModelError(bindingContext.ModelName, $"\"{text}\" không phải ngày: hãy nhập theo dạng ngày/tháng/năm, ví dụ 31/12/2025.");
        return Task.CompletedTask;
    }
}

public sealed class DateInputModelBinderProvider : IModelBinderProvider
{
    public IModelBinder? GetBinder(ModelBinderProviderContext context) =>
        context.Metadata.ModelType == typeof(DateOnly) || context.Metadata.ModelType == typeof(DateOnly?) ? new DateInputModelBinder() : null;
}
