using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ModelBinding.Binders;

namespace CommunityService.Web.Shared.Mvc;

/// <summary>
/// A tick box that comes back as something other than true or false (only a hand-made post does that) is a model error, and
/// the box is redisplayed unticked. MVC's own binder keeps the bad text as the attempted value, and the tick box tag helper
/// then throws while it redraws the form (a 500 instead of the form with its message).
/// </summary>
public sealed class InvalidBooleansBindFalse : IModelBinderProvider
{
    public IModelBinder? GetBinder(ModelBinderProviderContext context) =>
        context.Metadata.UnderlyingOrModelType == typeof(bool)
            ? new Binder(new SimpleTypeModelBinder(context.Metadata.ModelType, context.Services.GetRequiredService<ILoggerFactory>()))
            : null;

    private sealed class Binder(IModelBinder inner) : IModelBinder
    {
        public Task BindModelAsync(ModelBindingContext context)
        {
            var value = context.ValueProvider.GetValue(context.ModelName);
            if (value.FirstValue is { Length: > 0 } text && !bool.TryParse(text.Trim(), out _))
            {
                context.ModelState.SetModelValue(context.ModelName, rawValue: "false", attemptedValue: "false");
                context.ModelState.TryAddModelError(context.ModelName,
                    context.ModelMetadata.ModelBindingMessageProvider.ValueIsInvalidAccessor(text.Length > 20 ? text[..20] + "…" : text));
                context.Result = ModelBindingResult.Failed();
                return Task.CompletedTask;
            }
            return inner.BindModelAsync(context);
        }
    }
}
