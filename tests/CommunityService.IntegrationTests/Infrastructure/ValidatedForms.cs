using System.Reflection;
using CommunityService.Web.Features.Account;
using FluentValidation;
using Microsoft.Extensions.DependencyInjection;

namespace CommunityService.IntegrationTests.Infrastructure;

/// <summary>
/// Every form of the portal that has a validator, found by reflection (so a new form is walked without a test changing), and
/// the messages its validator gives one property for one value.
/// </summary>
public static class ValidatedForms
{
    /// <summary>(form, property) for each public settable property of each validated form that <paramref name="matches"/>.</summary>
    public static IEnumerable<(Type Form, PropertyInfo Property)> Properties(Func<PropertyInfo, bool> matches) =>
        from form in typeof(RegisterForm).Assembly.GetTypes()
            .Where(t => !t.IsAbstract && t.BaseType is { IsGenericType: true } b && b.GetGenericTypeDefinition() == typeof(AbstractValidator<>))
            .Select(t => t.BaseType!.GetGenericArguments()[0])
            .Where(f => f.GetConstructor(Type.EmptyTypes) is not null)
            .Distinct()
        from property in form.GetProperties(BindingFlags.Public | BindingFlags.Instance)
        where property.CanWrite && matches(property)
        select (form, property);

    /// <summary>The messages the form's validator (from <paramref name="services"/>) gives the property set to <paramref name="value"/>, the rest left as new.</summary>
    public static async Task<string[]> ErrorsAsync(IServiceProvider services, Type form, PropertyInfo property, object value)
    {
        var validator = (IValidator)services.GetRequiredService(typeof(IValidator<>).MakeGenericType(form));
        var instance = Activator.CreateInstance(form)!;
        property.SetValue(instance, value);
        var context = (IValidationContext)Activator.CreateInstance(typeof(ValidationContext<>).MakeGenericType(form), instance)!;
        return [.. (await validator.ValidateAsync(context)).Errors.Where(e => e.PropertyName == property.Name).Select(e => e.ErrorMessage)];
    }
}
