using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Qedu.Facilities.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.EnsureSchema(
                name: "facilities");

            migrationBuilder.CreateTable(
                name: "projects",
                schema: "facilities",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    org_unit_id = table.Column<int>(type: "integer", nullable: false),
                    zone_id = table.Column<long>(type: "bigint", nullable: true),
                    school_id = table.Column<int>(type: "integer", nullable: true),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    grade_one_seats = table.Column<int>(type: "integer", nullable: false),
                    grade_seven_seats = table.Column<int>(type: "integer", nullable: false),
                    total_seats = table.Column<int>(type: "integer", nullable: false),
                    budget_wan = table.Column<decimal>(type: "numeric(14,2)", precision: 14, scale: 2, nullable: false),
                    opening_year = table.Column<int>(type: "integer", nullable: false),
                    plan_task = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    created_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_projects", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "zones",
                schema: "facilities",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    org_unit_id = table.Column<int>(type: "integer", nullable: false),
                    code = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    grade_one_schools = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    grade_seven_schools = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_zones", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "milestones",
                schema: "facilities",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    org_unit_id = table.Column<int>(type: "integer", nullable: false),
                    project_id = table.Column<long>(type: "bigint", nullable: false),
                    name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    due_on = table.Column<DateOnly>(type: "date", nullable: false),
                    done_on = table.Column<DateOnly>(type: "date", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_milestones", x => x.id);
                    table.ForeignKey(
                        name: "fk_milestones_projects_project_id",
                        column: x => x.project_id,
                        principalSchema: "facilities",
                        principalTable: "projects",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "births",
                schema: "facilities",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    org_unit_id = table.Column<int>(type: "integer", nullable: false),
                    zone_id = table.Column<long>(type: "bigint", nullable: false),
                    year = table.Column<int>(type: "integer", nullable: false),
                    births = table.Column<int>(type: "integer", nullable: false),
                    source = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_births", x => x.id);
                    table.ForeignKey(
                        name: "fk_births_zones_zone_id",
                        column: x => x.zone_id,
                        principalSchema: "facilities",
                        principalTable: "zones",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "enrolment",
                schema: "facilities",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    org_unit_id = table.Column<int>(type: "integer", nullable: false),
                    zone_id = table.Column<long>(type: "bigint", nullable: false),
                    year = table.Column<int>(type: "integer", nullable: false),
                    grade = table.Column<int>(type: "integer", nullable: false),
                    pupils = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_enrolment", x => x.id);
                    table.ForeignKey(
                        name: "fk_enrolment_zones_zone_id",
                        column: x => x.zone_id,
                        principalSchema: "facilities",
                        principalTable: "zones",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "housing",
                schema: "facilities",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    org_unit_id = table.Column<int>(type: "integer", nullable: false),
                    zone_id = table.Column<long>(type: "bigint", nullable: false),
                    year = table.Column<int>(type: "integer", nullable: false),
                    dwellings = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_housing", x => x.id);
                    table.ForeignKey(
                        name: "fk_housing_zones_zone_id",
                        column: x => x.zone_id,
                        principalSchema: "facilities",
                        principalTable: "zones",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_births_org_unit_id",
                schema: "facilities",
                table: "births",
                column: "org_unit_id");

            migrationBuilder.CreateIndex(
                name: "ix_births_zone_id_year",
                schema: "facilities",
                table: "births",
                columns: new[] { "zone_id", "year" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_enrolment_org_unit_id",
                schema: "facilities",
                table: "enrolment",
                column: "org_unit_id");

            migrationBuilder.CreateIndex(
                name: "ix_enrolment_zone_id_year_grade",
                schema: "facilities",
                table: "enrolment",
                columns: new[] { "zone_id", "year", "grade" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_housing_org_unit_id",
                schema: "facilities",
                table: "housing",
                column: "org_unit_id");

            migrationBuilder.CreateIndex(
                name: "ix_housing_zone_id_year",
                schema: "facilities",
                table: "housing",
                columns: new[] { "zone_id", "year" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_milestones_org_unit_id",
                schema: "facilities",
                table: "milestones",
                column: "org_unit_id");

            migrationBuilder.CreateIndex(
                name: "ix_milestones_project_id",
                schema: "facilities",
                table: "milestones",
                column: "project_id");

            migrationBuilder.CreateIndex(
                name: "ix_projects_org_unit_id",
                schema: "facilities",
                table: "projects",
                column: "org_unit_id");

            migrationBuilder.CreateIndex(
                name: "ix_projects_zone_id",
                schema: "facilities",
                table: "projects",
                column: "zone_id");

            migrationBuilder.CreateIndex(
                name: "ix_zones_code",
                schema: "facilities",
                table: "zones",
                column: "code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_zones_org_unit_id",
                schema: "facilities",
                table: "zones",
                column: "org_unit_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "births",
                schema: "facilities");

            migrationBuilder.DropTable(
                name: "enrolment",
                schema: "facilities");

            migrationBuilder.DropTable(
                name: "housing",
                schema: "facilities");

            migrationBuilder.DropTable(
                name: "milestones",
                schema: "facilities");

            migrationBuilder.DropTable(
                name: "zones",
                schema: "facilities");

            migrationBuilder.DropTable(
                name: "projects",
                schema: "facilities");
        }
    }
}
