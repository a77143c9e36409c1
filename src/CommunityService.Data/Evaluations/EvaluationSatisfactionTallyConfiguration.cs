using CommunityService.Data.Surveys;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommunityService.Data.Evaluations;

internal sealed class EvaluationSatisfactionTallyConfiguration : IEntityTypeConfiguration<EvaluationSatisfactionTally>
{
    public void Configure(EntityTypeBuilder<EvaluationSatisfactionTally> builder)
    {
        builder.Property(t => t.Question).HasMaxLength(SurveyQuestion.TextMaxLength).IsRequired();
        builder.Property(t => t.Type).HasConversion<string>().HasMaxLength(20);
        builder.Property(t => t.Option).HasMaxLength(QuestionOption.TextMaxLength).IsRequired();
    }
}
