using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Qedu.Facilities.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "facilities_projects",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    org_unit_id = table.Column<int>(type: "INTEGER", nullable: false),
                    zone_id = table.Column<long>(type: "INTEGER", nullable: true),
                    school_id = table.Column<int>(type: "INTEGER", nullable: true),
                    name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    grade_one_seats = table.Column<int>(type: "INTEGER", nullable: false),
                    grade_seven_seats = table.Column<int>(type: "INTEGER", nullable: false),
                    total_seats = table.Column<int>(type: "INTEGER", nullable: false),
                    budget_wan = table.Column<decimal>(type: "TEXT", precision: 14, scale: 2, nullable: false),
                    opening_year = table.Column<int>(type: "INTEGER", nullable: false),
                    plan_task = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false),
                    created_by = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_facilities_projects", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "facilities_zones",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    org_unit_id = table.Column<int>(type: "INTEGER", nullable: false),
                    code = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    grade_one_schools = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    grade_seven_schools = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_facilities_zones", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "facilities_milestones",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    org_unit_id = table.Column<int>(type: "INTEGER", nullable: false),
                    project_id = table.Column<long>(type: "INTEGER", nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    due_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    done_on = table.Column<DateOnly>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_facilities_milestones", x => x.id);
                    table.ForeignKey(
                        name: "fk_facilities_milestones_facilities_projects_project_id",
                        column: x => x.project_id,
                        principalTable: "facilities_projects",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "facilities_births",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    org_unit_id = table.Column<int>(type: "INTEGER", nullable: false),
                    zone_id = table.Column<long>(type: "INTEGER", nullable: false),
                    year = table.Column<int>(type: "INTEGER", nullable: false),
                    births = table.Column<int>(type: "INTEGER", nullable: false),
                    source = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_facilities_births", x => x.id);
                    table.ForeignKey(
                        name: "fk_facilities_births_facilities_zones_zone_id",
                        column: x => x.zone_id,
                        principalTable: "facilities_zones",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "facilities_enrolment",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    org_unit_id = table.Column<int>(type: "INTEGER", nullable: false),
                    zone_id = table.Column<long>(type: "INTEGER", nullable: false),
                    year = table.Column<int>(type: "INTEGER", nullable: false),
                    grade = table.Column<int>(type: "INTEGER", nullable: false),
                    pupils = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_facilities_enrolment", x => x.id);
                    table.ForeignKey(
                        name: "fk_facilities_enrolment_facilities_zones_zone_id",
                        column: x => x.zone_id,
                        principalTable: "facilities_zones",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "facilities_housing",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    org_unit_id = table.Column<int>(type: "INTEGER", nullable: false),
                    zone_id = table.Column<long>(type: "INTEGER", nullable: false),
                    year = table.Column<int>(type: "INTEGER", nullable: false),
                    dwellings = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_facilities_housing", x => x.id);
                    table.ForeignKey(
                        name: "fk_facilities_housing_facilities_zones_zone_id",
                        column: x => x.zone_id,
                        principalTable: "facilities_zones",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_facilities_births_org_unit_id",
                table: "facilities_births",
                column: "org_unit_id");

            migrationBuilder.CreateIndex(
                name: "ix_facilities_births_zone_id_year",
                table: "facilities_births",
                columns: new[] { "zone_id", "year" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_facilities_enrolment_org_unit_id",
                table: "facilities_enrolment",
                column: "org_unit_id");

            migrationBuilder.CreateIndex(
                name: "ix_facilities_enrolment_zone_id_year_grade",
                table: "facilities_enrolment",
                columns: new[] { "zone_id", "year", "grade" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_facilities_housing_org_unit_id",
                table: "facilities_housing",
                column: "org_unit_id");

            migrationBuilder.CreateIndex(
                name: "ix_facilities_housing_zone_id_year",
                table: "facilities_housing",
                columns: new[] { "zone_id", "year" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_facilities_milestones_org_unit_id",
                table: "facilities_milestones",
                column: "org_unit_id");

            migrationBuilder.CreateIndex(
                name: "ix_facilities_milestones_project_id",
                table: "facilities_milestones",
                column: "project_id");

            migrationBuilder.CreateIndex(
                name: "ix_facilities_projects_org_unit_id",
                table: "facilities_projects",
                column: "org_unit_id");

            migrationBuilder.CreateIndex(
                name: "ix_facilities_projects_zone_id",
                table: "facilities_projects",
                column: "zone_id");

            migrationBuilder.CreateIndex(
                name: "ix_facilities_zones_code",
                table: "facilities_zones",
                column: "code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_facilities_zones_org_unit_id",
                table: "facilities_zones",
                column: "org_unit_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "facilities_births");

            migrationBuilder.DropTable(
                name: "facilities_enrolment");

            migrationBuilder.DropTable(
                name: "facilities_housing");

            migrationBuilder.DropTable(
                name: "facilities_milestones");

            migrationBuilder.DropTable(
                name: "facilities_zones");

            migrationBuilder.DropTable(
                name: "facilities_projects");
        }
    }
}
