using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Qedu.Admissions.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ApplicationChangedAt : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "changed_at",
                schema: "admissions",
                table: "applications",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "ix_applications_changed_at",
                schema: "admissions",
                table: "applications",
                column: "changed_at",
                filter: "changed_at IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_applications_changed_at",
                schema: "admissions",
                table: "applications");

            migrationBuilder.DropColumn(
                name: "changed_at",
                schema: "admissions",
                table: "applications");
        }
    }
}
