using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommunityService.Data.Catalog;

internal sealed class ServiceTypeConfiguration : IEntityTypeConfiguration<ServiceType>
{
    public void Configure(EntityTypeBuilder<ServiceType> builder)
    {
        builder.Property(t => t.Name).HasMaxLength(ServiceType.NameMaxLength).IsRequired();
        builder.Property(t => t.Description).HasMaxLength(ServiceType.DescriptionMaxLength);
        builder.Property(t => t.Category).HasConversion<string>().HasMaxLength(20);
        builder.HasIndex(t => new { t.Category, t.Name }).IsUnique();
    }
}
