using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Qedu.Admissions.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class InitialAdmissions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "admissions_seasons",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    org_unit_id = table.Column<int>(type: "INTEGER", nullable: false),
                    code = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    stage = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    mechanism = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    opens_at = table.Column<long>(type: "INTEGER", nullable: false),
                    closes_at = table.Column<long>(type: "INTEGER", nullable: false),
                    born_from = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    born_to = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    max_private_choices = table.Column<int>(type: "INTEGER", nullable: false),
                    accept_days = table.Column<int>(type: "INTEGER", nullable: false),
                    appeal_days = table.Column<int>(type: "INTEGER", nullable: false),
                    retention_days = table.Column<int>(type: "INTEGER", nullable: false),
                    results_published_at = table.Column<long>(type: "INTEGER", nullable: true),
                    revision = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_admissions_seasons", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "admissions_allocation_runs",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    season_id = table.Column<long>(type: "INTEGER", nullable: false),
                    org_unit_id = table.Column<int>(type: "INTEGER", nullable: false),
                    run_at = table.Column<long>(type: "INTEGER", nullable: false),
                    run_by = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    seed = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    applicants = table.Column<int>(type: "INTEGER", nullable: false),
                    placed = table.Column<int>(type: "INTEGER", nullable: false),
                    audit_record = table.Column<string>(type: "TEXT", nullable: false),
                    published_at = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_admissions_allocation_runs", x => x.id);
                    table.ForeignKey(
                        name: "fk_admissions_allocation_runs_seasons_season_id",
                        column: x => x.season_id,
                        principalTable: "admissions_seasons",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "admissions_applications",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    season_id = table.Column<long>(type: "INTEGER", nullable: false),
                    parent_account_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    org_unit_id = table.Column<int>(type: "INTEGER", nullable: false),
                    number = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    child_name = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    resident_id_encrypted = table.Column<byte[]>(type: "BLOB", nullable: true),
                    document_type = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    document_number_encrypted = table.Column<byte[]>(type: "BLOB", nullable: true),
                    child_key = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    birth_date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    gender_code = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    guardian_name = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    home_compound = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    home_street = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    home_number = table.Column<int>(type: "INTEGER", nullable: true),
                    home_detail = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    hukou_at_home = table.Column<bool>(type: "INTEGER", nullable: false),
                    property_at_home = table.Column<bool>(type: "INTEGER", nullable: false),
                    has_residence_permit = table.Column<bool>(type: "INTEGER", nullable: false),
                    residence_permit_years = table.Column<int>(type: "INTEGER", nullable: false),
                    insurance_months = table.Column<int>(type: "INTEGER", nullable: false),
                    policy_care = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    zone_school_id = table.Column<int>(type: "INTEGER", nullable: true),
                    category_id = table.Column<long>(type: "INTEGER", nullable: true),
                    points = table.Column<decimal>(type: "TEXT", precision: 9, scale: 2, nullable: false),
                    review_note = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    offer_school_id = table.Column<int>(type: "INTEGER", nullable: true),
                    offer_deadline = table.Column<long>(type: "INTEGER", nullable: true),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false),
                    updated_at = table.Column<long>(type: "INTEGER", nullable: false),
                    submitted_at = table.Column<long>(type: "INTEGER", nullable: true),
                    revision = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_admissions_applications", x => x.id);
                    table.ForeignKey(
                        name: "fk_admissions_applications_seasons_season_id",
                        column: x => x.season_id,
                        principalTable: "admissions_seasons",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "admissions_points_rules",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    season_id = table.Column<long>(type: "INTEGER", nullable: false),
                    fact = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    points_per_unit = table.Column<decimal>(type: "TEXT", precision: 9, scale: 2, nullable: false),
                    max_points = table.Column<decimal>(type: "TEXT", precision: 9, scale: 2, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_admissions_points_rules", x => x.id);
                    table.ForeignKey(
                        name: "fk_admissions_points_rules_seasons_season_id",
                        column: x => x.season_id,
                        principalTable: "admissions_seasons",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "admissions_season_categories",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    season_id = table.Column<long>(type: "INTEGER", nullable: false),
                    rank = table.Column<int>(type: "INTEGER", nullable: false),
                    code = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    name_zh = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    name_en = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    needs_hukou = table.Column<bool>(type: "INTEGER", nullable: false),
                    needs_property = table.Column<bool>(type: "INTEGER", nullable: false),
                    needs_residence_permit = table.Column<bool>(type: "INTEGER", nullable: false),
                    needs_policy_care = table.Column<bool>(type: "INTEGER", nullable: false),
                    uses_points = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_admissions_season_categories", x => x.id);
                    table.ForeignKey(
                        name: "fk_admissions_season_categories_admissions_seasons_season_id",
                        column: x => x.season_id,
                        principalTable: "admissions_seasons",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "admissions_season_schools",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    season_id = table.Column<long>(type: "INTEGER", nullable: false),
                    school_id = table.Column<int>(type: "INTEGER", nullable: false),
                    is_private = table.Column<bool>(type: "INTEGER", nullable: false),
                    seats = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_admissions_season_schools", x => x.id);
                    table.ForeignKey(
                        name: "fk_admissions_season_schools_admissions_seasons_season_id",
                        column: x => x.season_id,
                        principalTable: "admissions_seasons",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "admissions_zone_lines",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    season_id = table.Column<long>(type: "INTEGER", nullable: false),
                    school_id = table.Column<int>(type: "INTEGER", nullable: false),
                    compound = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    street = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    from_number = table.Column<int>(type: "INTEGER", nullable: true),
                    to_number = table.Column<int>(type: "INTEGER", nullable: true),
                    parity = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_admissions_zone_lines", x => x.id);
                    table.ForeignKey(
                        name: "fk_admissions_zone_lines_admissions_seasons_season_id",
                        column: x => x.season_id,
                        principalTable: "admissions_seasons",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "admissions_placements",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    run_id = table.Column<long>(type: "INTEGER", nullable: false),
                    application_id = table.Column<long>(type: "INTEGER", nullable: false),
                    school_id = table.Column<int>(type: "INTEGER", nullable: true),
                    explanation_zh = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    explanation_en = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_admissions_placements", x => x.id);
                    table.ForeignKey(
                        name: "fk_admissions_placements_admissions_allocation_runs_run_id",
                        column: x => x.run_id,
                        principalTable: "admissions_allocation_runs",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "admissions_application_choices",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    application_id = table.Column<long>(type: "INTEGER", nullable: false),
                    rank = table.Column<int>(type: "INTEGER", nullable: false),
                    school_id = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_admissions_application_choices", x => x.id);
                    table.ForeignKey(
                        name: "fk_admissions_application_choices_admissions_applications_application_id",
                        column: x => x.application_id,
                        principalTable: "admissions_applications",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "admissions_application_events",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    application_id = table.Column<long>(type: "INTEGER", nullable: false),
                    at = table.Column<long>(type: "INTEGER", nullable: false),
                    kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    actor = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    note = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_admissions_application_events", x => x.id);
                    table.ForeignKey(
                        name: "fk_admissions_application_events_admissions_applications_application_id",
                        column: x => x.application_id,
                        principalTable: "admissions_applications",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "admissions_application_materials",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    application_id = table.Column<long>(type: "INTEGER", nullable: false),
                    kind = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    file_hash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    media_type = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    length = table.Column<long>(type: "INTEGER", nullable: false),
                    file_name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    uploaded_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_admissions_application_materials", x => x.id);
                    table.ForeignKey(
                        name: "fk_admissions_application_materials_admissions_applications_application_id",
                        column: x => x.application_id,
                        principalTable: "admissions_applications",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_admissions_allocation_runs_season_id",
                table: "admissions_allocation_runs",
                column: "season_id");

            migrationBuilder.CreateIndex(
                name: "ix_admissions_application_choices_application_id_rank",
                table: "admissions_application_choices",
                columns: new[] { "application_id", "rank" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_admissions_application_choices_school_id",
                table: "admissions_application_choices",
                column: "school_id");

            migrationBuilder.CreateIndex(
                name: "ix_admissions_application_events_application_id",
                table: "admissions_application_events",
                column: "application_id");

            migrationBuilder.CreateIndex(
                name: "ix_admissions_application_materials_application_id",
                table: "admissions_application_materials",
                column: "application_id");

            migrationBuilder.CreateIndex(
                name: "ix_admissions_application_materials_file_hash",
                table: "admissions_application_materials",
                column: "file_hash");

            migrationBuilder.CreateIndex(
                name: "ix_admissions_applications_number",
                table: "admissions_applications",
                column: "number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_admissions_applications_org_unit_id_season_id_status",
                table: "admissions_applications",
                columns: new[] { "org_unit_id", "season_id", "status" });

            migrationBuilder.CreateIndex(
                name: "ix_admissions_applications_parent_account_id",
                table: "admissions_applications",
                column: "parent_account_id");

            migrationBuilder.CreateIndex(
                name: "ix_admissions_applications_season_id_child_key",
                table: "admissions_applications",
                columns: new[] { "season_id", "child_key" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_admissions_placements_run_id_application_id",
                table: "admissions_placements",
                columns: new[] { "run_id", "application_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_admissions_points_rules_season_id",
                table: "admissions_points_rules",
                column: "season_id");

            migrationBuilder.CreateIndex(
                name: "ix_admissions_season_categories_season_id_rank",
                table: "admissions_season_categories",
                columns: new[] { "season_id", "rank" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_admissions_season_schools_season_id_school_id",
                table: "admissions_season_schools",
                columns: new[] { "season_id", "school_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_admissions_seasons_code",
                table: "admissions_seasons",
                column: "code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_admissions_seasons_org_unit_id",
                table: "admissions_seasons",
                column: "org_unit_id");

            migrationBuilder.CreateIndex(
                name: "ix_admissions_zone_lines_season_id_compound",
                table: "admissions_zone_lines",
                columns: new[] { "season_id", "compound" });

            migrationBuilder.CreateIndex(
                name: "ix_admissions_zone_lines_season_id_street",
                table: "admissions_zone_lines",
                columns: new[] { "season_id", "street" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "admissions_application_choices");

            migrationBuilder.DropTable(
                name: "admissions_application_events");

            migrationBuilder.DropTable(
                name: "admissions_application_materials");

            migrationBuilder.DropTable(
                name: "admissions_placements");

            migrationBuilder.DropTable(
                name: "admissions_points_rules");

            migrationBuilder.DropTable(
                name: "admissions_season_categories");

            migrationBuilder.DropTable(
                name: "admissions_season_schools");

            migrationBuilder.DropTable(
                name: "admissions_zone_lines");

            migrationBuilder.DropTable(
                name: "admissions_applications");

            migrationBuilder.DropTable(
                name: "admissions_allocation_runs");

            migrationBuilder.DropTable(
                name: "admissions_seasons");
        }
    }
}
