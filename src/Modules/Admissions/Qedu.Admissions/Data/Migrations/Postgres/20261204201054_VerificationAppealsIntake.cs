using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Qedu.Admissions.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class VerificationAppealsIntake : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<double>(
                name: "latitude",
                schema: "admissions",
                table: "zone_lines",
                type: "double precision",
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "longitude",
                schema: "admissions",
                table: "zone_lines",
                type: "double precision",
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "latitude",
                schema: "admissions",
                table: "season_schools",
                type: "double precision",
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "longitude",
                schema: "admissions",
                table: "season_schools",
                type: "double precision",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "agency_insurance_months",
                schema: "admissions",
                table: "applications",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "appeal_answer",
                schema: "admissions",
                table: "applications",
                type: "character varying(1000)",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "appeal_answered_at",
                schema: "admissions",
                table: "applications",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "appeal_reason",
                schema: "admissions",
                table: "applications",
                type: "character varying(1000)",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "appeal_status",
                schema: "admissions",
                table: "applications",
                type: "character varying(12)",
                maxLength: 12,
                nullable: false,
                defaultValue: "None");

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "appealed_at",
                schema: "admissions",
                table: "applications",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "checked_at",
                schema: "admissions",
                table: "applications",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "enrolled_at",
                schema: "admissions",
                table: "applications",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "home_latitude",
                schema: "admissions",
                table: "applications",
                type: "double precision",
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "home_longitude",
                schema: "admissions",
                table: "applications",
                type: "double precision",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "hukou_check",
                schema: "admissions",
                table: "applications",
                type: "character varying(12)",
                maxLength: 12,
                nullable: false,
                defaultValue: "Unchecked");

            migrationBuilder.AddColumn<string>(
                name: "insurance_check",
                schema: "admissions",
                table: "applications",
                type: "character varying(12)",
                maxLength: 12,
                nullable: false,
                defaultValue: "Unchecked");

            migrationBuilder.AddColumn<double>(
                name: "offer_distance_km",
                schema: "admissions",
                table: "applications",
                type: "double precision",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "offer_route",
                schema: "admissions",
                table: "applications",
                type: "character varying(16)",
                maxLength: 16,
                nullable: false,
                defaultValue: "Allocation");

            migrationBuilder.AddColumn<string>(
                name: "property_check",
                schema: "admissions",
                table: "applications",
                type: "character varying(12)",
                maxLength: 12,
                nullable: false,
                defaultValue: "Unchecked");

            migrationBuilder.AddColumn<long>(
                name: "student_id",
                schema: "admissions",
                table: "applications",
                type: "bigint",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "verification_imports",
                schema: "admissions",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    season_id = table.Column<long>(type: "bigint", nullable: false),
                    org_unit_id = table.Column<int>(type: "integer", nullable: false),
                    kind = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    file_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    file_hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    rows = table.Column<int>(type: "integer", nullable: false),
                    verified = table.Column<int>(type: "integer", nullable: false),
                    mismatched = table.Column<int>(type: "integer", nullable: false),
                    not_found = table.Column<int>(type: "integer", nullable: false),
                    imported_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    imported_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_verification_imports", x => x.id);
                    table.ForeignKey(
                        name: "fk_verification_imports_seasons_season_id",
                        column: x => x.season_id,
                        principalSchema: "admissions",
                        principalTable: "seasons",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_applications_student_id",
                schema: "admissions",
                table: "applications",
                column: "student_id");

            migrationBuilder.CreateIndex(
                name: "ix_verification_imports_season_id",
                schema: "admissions",
                table: "verification_imports",
                column: "season_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "verification_imports",
                schema: "admissions");

            migrationBuilder.DropIndex(
                name: "ix_applications_student_id",
                schema: "admissions",
                table: "applications");

            migrationBuilder.DropColumn(
                name: "latitude",
                schema: "admissions",
                table: "zone_lines");

            migrationBuilder.DropColumn(
                name: "longitude",
                schema: "admissions",
                table: "zone_lines");

            migrationBuilder.DropColumn(
                name: "latitude",
                schema: "admissions",
                table: "season_schools");

            migrationBuilder.DropColumn(
                name: "longitude",
                schema: "admissions",
                table: "season_schools");

            migrationBuilder.DropColumn(
                name: "agency_insurance_months",
                schema: "admissions",
                table: "applications");

            migrationBuilder.DropColumn(
                name: "appeal_answer",
                schema: "admissions",
                table: "applications");

            migrationBuilder.DropColumn(
                name: "appeal_answered_at",
                schema: "admissions",
                table: "applications");

            migrationBuilder.DropColumn(
                name: "appeal_reason",
                schema: "admissions",
                table: "applications");

            migrationBuilder.DropColumn(
                name: "appeal_status",
                schema: "admissions",
                table: "applications");

            migrationBuilder.DropColumn(
                name: "appealed_at",
                schema: "admissions",
                table: "applications");

            migrationBuilder.DropColumn(
                name: "checked_at",
                schema: "admissions",
                table: "applications");

            migrationBuilder.DropColumn(
                name: "enrolled_at",
                schema: "admissions",
                table: "applications");

            migrationBuilder.DropColumn(
                name: "home_latitude",
                schema: "admissions",
                table: "applications");

            migrationBuilder.DropColumn(
                name: "home_longitude",
                schema: "admissions",
                table: "applications");

            migrationBuilder.DropColumn(
                name: "hukou_check",
                schema: "admissions",
                table: "applications");

            migrationBuilder.DropColumn(
                name: "insurance_check",
                schema: "admissions",
                table: "applications");

            migrationBuilder.DropColumn(
                name: "offer_distance_km",
                schema: "admissions",
                table: "applications");

            migrationBuilder.DropColumn(
                name: "offer_route",
                schema: "admissions",
                table: "applications");

            migrationBuilder.DropColumn(
                name: "property_check",
                schema: "admissions",
                table: "applications");

            migrationBuilder.DropColumn(
                name: "student_id",
                schema: "admissions",
                table: "applications");
        }
    }
}
