using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommunityService.Data.Surveys;

internal sealed class SurveyQuestionConfiguration : IEntityTypeConfiguration<SurveyQuestion>
{
    public void Configure(EntityTypeBuilder<SurveyQuestion> builder)
    {
        builder.Property(q => q.Text).HasMaxLength(SurveyQuestion.TextMaxLength).IsRequired();
        builder.Property(q => q.Type).HasConversion<string>().HasMaxLength(20);
        builder.HasMany(q => q.Options).WithOne().HasForeignKey(o => o.QuestionId);
        // Conditions point back into the same survey: no cascades, so SQL Server sees no cycles.
        builder.HasOne(q => q.ConditionQuestion).WithMany().HasForeignKey(q => q.ConditionQuestionId).OnDelete(DeleteBehavior.NoAction);
        builder.HasOne(q => q.ConditionOption).WithMany().HasForeignKey(q => q.ConditionOptionId).OnDelete(DeleteBehavior.NoAction);
        builder.Ignore(q => q.IsChoice);
        builder.Ignore(q => q.IsNumeric);
        builder.Ignore(q => q.IsText);
    }
}
