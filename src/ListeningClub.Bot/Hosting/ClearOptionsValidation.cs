using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ListeningClub.Bot.Hosting;

/// <summary>
/// Data-annotation validation whose failures read as one line each, naming the setting ("Discord:Token: …"),
/// instead of the framework's "DataAnnotation validation failed for … members" wording.
/// </summary>
public static class ClearOptionsValidation
{
    public static OptionsBuilder<TOptions> BindAndValidate<TOptions>(this IServiceCollection services, string sectionName)
        where TOptions : class
    {
        services.AddSingleton<IValidateOptions<TOptions>>(new AnnotationValidator<TOptions>(sectionName));
        return services.AddOptions<TOptions>().BindConfiguration(sectionName).ValidateOnStart();
    }

    private sealed class AnnotationValidator<TOptions>(string sectionName) : IValidateOptions<TOptions>
        where TOptions : class
    {
        public ValidateOptionsResult Validate(string? name, TOptions options)
        {
            var results = new List<ValidationResult>();
            if (Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true))
            {
                return ValidateOptionsResult.Success;
            }

            return ValidateOptionsResult.Fail(results.Select(result =>
            {
                var setting = $"{sectionName}:{result.MemberNames.FirstOrDefault() ?? "?"}";
                var message = result.ErrorMessage ?? "is not valid.";
                return message.StartsWith(setting, StringComparison.Ordinal) ? message : $"{setting}: {message}";
            }));
        }
    }
}
