using CommunityService.Data.Surveys;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommunityService.Data.Evaluations;

internal sealed class EvaluationSatisfactionQuestionConfiguration : IEntityTypeConfiguration<EvaluationSatisfactionQuestion>
{
    public void Configure(EntityTypeBuilder<EvaluationSatisfactionQuestion> builder)
    {
        builder.Property(s => s.Text).HasMaxLength(SurveyQuestion.TextMaxLength).IsRequired();
        builder.Property(s => s.Average).HasPrecision(4, 2);
        builder.Property(s => s.SatisfiedPercent).HasPrecision(5, 1);
    }
}
