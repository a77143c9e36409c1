using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommunityService.Data.Surveys;

internal sealed class SurveyResponseConfiguration : IEntityTypeConfiguration<SurveyResponse>
{
    public void Configure(EntityTypeBuilder<SurveyResponse> builder)
    {
        builder.HasOne(r => r.Survey).WithMany().HasForeignKey(r => r.SurveyId);
        builder.HasOne(r => r.Community).WithMany().HasForeignKey(r => r.CommunityId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(r => r.RespondentId).HasMaxLength(450);
        builder.Property(r => r.EnteredById).HasMaxLength(450);
        builder.Property(r => r.RespondentName).HasMaxLength(SurveyResponse.NameMaxLength);
        builder.Property(r => r.Channel).HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.AgeBand).HasConversion<string>().HasMaxLength(20);
        // One response per signed-in resident (anonymous and paper answers have no account and may repeat).
        builder.HasIndex(r => new { r.SurveyId, r.RespondentId }).IsUnique();
        builder.HasMany(r => r.Answers).WithOne().HasForeignKey(a => a.ResponseId);
    }
}
