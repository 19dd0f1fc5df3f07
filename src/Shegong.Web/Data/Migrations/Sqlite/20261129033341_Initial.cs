using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Shegong.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AspNetUsers",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", nullable: false),
                    DisplayName = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    Role = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    RegionCode = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 12, nullable: false),
                    StationId = table.Column<int>(type: "INTEGER", nullable: true),
                    AgencyId = table.Column<int>(type: "INTEGER", nullable: true),
                    IsDisabled = table.Column<bool>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UserName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    NormalizedUserName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    Email = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    NormalizedEmail = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    EmailConfirmed = table.Column<bool>(type: "INTEGER", nullable: false),
                    PasswordHash = table.Column<string>(type: "TEXT", nullable: true),
                    SecurityStamp = table.Column<string>(type: "TEXT", nullable: true),
                    ConcurrencyStamp = table.Column<string>(type: "TEXT", nullable: true),
                    PhoneNumber = table.Column<string>(type: "TEXT", nullable: true),
                    PhoneNumberConfirmed = table.Column<bool>(type: "INTEGER", nullable: false),
                    TwoFactorEnabled = table.Column<bool>(type: "INTEGER", nullable: false),
                    LockoutEnd = table.Column<DateTimeOffset>(type: "TEXT", nullable: true),
                    LockoutEnabled = table.Column<bool>(type: "INTEGER", nullable: false),
                    AccessFailedCount = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUsers", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "AuditEntries",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    At = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UserId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    UserName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    IpAddress = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    Entity = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    EntityId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Action = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    RegionCode = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 12, nullable: false),
                    Changes = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AuditEntries", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "DataProtectionKeys",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    FriendlyName = table.Column<string>(type: "TEXT", nullable: true),
                    Xml = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DataProtectionKeys", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Regions",
                columns: table => new
                {
                    Code = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 12, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Level = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    ParentCode = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 12, nullable: true),
                    TownshipKind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    VillageKind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    UrbanRuralCode = table.Column<string>(type: "TEXT", maxLength: 3, nullable: true),
                    IsCentralTown = table.Column<bool>(type: "INTEGER", nullable: false),
                    IsRelocationSite = table.Column<bool>(type: "INTEGER", nullable: false),
                    IsGovernancePilot = table.Column<bool>(type: "INTEGER", nullable: false),
                    ResidentPopulation = table.Column<int>(type: "INTEGER", nullable: true),
                    UrbanResidentPopulation = table.Column<int>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Regions", x => x.Code);
                    table.ForeignKey(
                        name: "FK_Regions_Regions_ParentCode",
                        column: x => x.ParentCode,
                        principalTable: "Regions",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserClaims",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    UserId = table.Column<string>(type: "TEXT", nullable: false),
                    ClaimType = table.Column<string>(type: "TEXT", nullable: true),
                    ClaimValue = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUserClaims", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AspNetUserClaims_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserLogins",
                columns: table => new
                {
                    LoginProvider = table.Column<string>(type: "TEXT", nullable: false),
                    ProviderKey = table.Column<string>(type: "TEXT", nullable: false),
                    ProviderDisplayName = table.Column<string>(type: "TEXT", nullable: true),
                    UserId = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUserLogins", x => new { x.LoginProvider, x.ProviderKey });
                    table.ForeignKey(
                        name: "FK_AspNetUserLogins_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserTokens",
                columns: table => new
                {
                    UserId = table.Column<string>(type: "TEXT", nullable: false),
                    LoginProvider = table.Column<string>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", nullable: false),
                    Value = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUserTokens", x => new { x.UserId, x.LoginProvider, x.Name });
                    table.ForeignKey(
                        name: "FK_AspNetUserTokens_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Agencies",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    CreditCode = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 18, nullable: false),
                    RegionCode = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 12, nullable: false),
                    Rating = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    ContactPerson = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    ContactPhoneCipher = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Agencies", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Agencies_Regions_RegionCode",
                        column: x => x.RegionCode,
                        principalTable: "Regions",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Stations",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Level = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    RegionCode = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 12, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    OpenedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Address = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Phone = table.Column<string>(type: "TEXT", maxLength: 30, nullable: true),
                    Latitude = table.Column<double>(type: "REAL", nullable: true),
                    Longitude = table.Column<double>(type: "REAL", nullable: true),
                    BuildPath = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    FloorArea = table.Column<decimal>(type: "TEXT", precision: 10, scale: 2, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Stations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Stations_Regions_RegionCode",
                        column: x => x.RegionCode,
                        principalTable: "Regions",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "AgencyServiceArea",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    AgencyId = table.Column<int>(type: "INTEGER", nullable: false),
                    RegionCode = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 12, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AgencyServiceArea", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AgencyServiceArea_Agencies_AgencyId",
                        column: x => x.AgencyId,
                        principalTable: "Agencies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_AgencyServiceArea_Regions_RegionCode",
                        column: x => x.RegionCode,
                        principalTable: "Regions",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ServiceContracts",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    RegionCode = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 12, nullable: false),
                    AgencyId = table.Column<int>(type: "INTEGER", nullable: false),
                    StartsOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    EndsOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Amount = table.Column<decimal>(type: "TEXT", precision: 14, scale: 2, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    CoversUntil = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ClosedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    TerminationReason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ServiceContracts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ServiceContracts_Agencies_AgencyId",
                        column: x => x.AgencyId,
                        principalTable: "Agencies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ServiceContracts_Regions_RegionCode",
                        column: x => x.RegionCode,
                        principalTable: "Regions",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "SocialWorkers",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    Sex = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    BirthDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    IdNumberCipher = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    IdNumberHash = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 64, nullable: false),
                    PhoneCipher = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    PhoneHash = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 64, nullable: true),
                    NativeCountyCode = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 12, nullable: false),
                    Education = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Major = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    GraduationYear = table.Column<int>(type: "INTEGER", nullable: true),
                    Certification = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    CertificateNumber = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    CertificateYear = table.Column<int>(type: "INTEGER", nullable: true),
                    AgencyId = table.Column<int>(type: "INTEGER", nullable: false),
                    HiredOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    LeftOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    RegionCode = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 12, nullable: false),
                    ResidentStationId = table.Column<int>(type: "INTEGER", nullable: true),
                    IsNewGraduate = table.Column<bool>(type: "INTEGER", nullable: false),
                    IsLocal = table.Column<bool>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SocialWorkers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SocialWorkers_Agencies_AgencyId",
                        column: x => x.AgencyId,
                        principalTable: "Agencies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_SocialWorkers_Stations_ResidentStationId",
                        column: x => x.ResidentStationId,
                        principalTable: "Stations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "StaffSessions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    OrganiserStationId = table.Column<int>(type: "INTEGER", nullable: false),
                    RegionCode = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 12, nullable: false),
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Hours = table.Column<decimal>(type: "TEXT", precision: 6, scale: 2, nullable: false),
                    Topic = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Leader = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StaffSessions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_StaffSessions_Stations_OrganiserStationId",
                        column: x => x.OrganiserStationId,
                        principalTable: "Stations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "StationStatusChanges",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    StationId = table.Column<int>(type: "INTEGER", nullable: false),
                    From = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    To = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    On = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    RecordedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StationStatusChanges", x => x.Id);
                    table.ForeignKey(
                        name: "FK_StationStatusChanges_Stations_StationId",
                        column: x => x.StationId,
                        principalTable: "Stations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ContractCategoryTarget",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ServiceContractId = table.Column<int>(type: "INTEGER", nullable: false),
                    Category = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    PersonTimes = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ContractCategoryTarget", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ContractCategoryTarget_ServiceContracts_ServiceContractId",
                        column: x => x.ServiceContractId,
                        principalTable: "ServiceContracts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ContractEvaluation",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ServiceContractId = table.Column<int>(type: "INTEGER", nullable: false),
                    Stage = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    On = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Score = table.Column<decimal>(type: "TEXT", precision: 5, scale: 2, nullable: false),
                    Notes = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ContractEvaluation", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ContractEvaluation_ServiceContracts_ServiceContractId",
                        column: x => x.ServiceContractId,
                        principalTable: "ServiceContracts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ContractMethodTarget",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ServiceContractId = table.Column<int>(type: "INTEGER", nullable: false),
                    Method = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Count = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ContractMethodTarget", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ContractMethodTarget_ServiceContracts_ServiceContractId",
                        column: x => x.ServiceContractId,
                        principalTable: "ServiceContracts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ContractStation",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ServiceContractId = table.Column<int>(type: "INTEGER", nullable: false),
                    StationId = table.Column<int>(type: "INTEGER", nullable: false),
                    RegionCode = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 12, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ContractStation", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ContractStation_ServiceContracts_ServiceContractId",
                        column: x => x.ServiceContractId,
                        principalTable: "ServiceContracts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ContractStation_Stations_StationId",
                        column: x => x.StationId,
                        principalTable: "Stations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "StationAssignments",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SocialWorkerId = table.Column<int>(type: "INTEGER", nullable: false),
                    StationId = table.Column<int>(type: "INTEGER", nullable: false),
                    Role = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    From = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    To = table.Column<DateOnly>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StationAssignments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_StationAssignments_SocialWorkers_SocialWorkerId",
                        column: x => x.SocialWorkerId,
                        principalTable: "SocialWorkers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_StationAssignments_Stations_StationId",
                        column: x => x.StationId,
                        principalTable: "Stations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "SessionAttendance",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    StaffSessionId = table.Column<int>(type: "INTEGER", nullable: false),
                    SocialWorkerId = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SessionAttendance", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SessionAttendance_SocialWorkers_SocialWorkerId",
                        column: x => x.SocialWorkerId,
                        principalTable: "SocialWorkers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_SessionAttendance_StaffSessions_StaffSessionId",
                        column: x => x.StaffSessionId,
                        principalTable: "StaffSessions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Agencies_CreditCode",
                table: "Agencies",
                column: "CreditCode",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Agencies_RegionCode",
                table: "Agencies",
                column: "RegionCode");

            migrationBuilder.CreateIndex(
                name: "IX_AgencyServiceArea_AgencyId",
                table: "AgencyServiceArea",
                column: "AgencyId");

            migrationBuilder.CreateIndex(
                name: "IX_AgencyServiceArea_RegionCode_AgencyId",
                table: "AgencyServiceArea",
                columns: new[] { "RegionCode", "AgencyId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUserClaims_UserId",
                table: "AspNetUserClaims",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUserLogins_UserId",
                table: "AspNetUserLogins",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "EmailIndex",
                table: "AspNetUsers",
                column: "NormalizedEmail");

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUsers_RegionCode",
                table: "AspNetUsers",
                column: "RegionCode");

            migrationBuilder.CreateIndex(
                name: "UserNameIndex",
                table: "AspNetUsers",
                column: "NormalizedUserName",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AuditEntries_At",
                table: "AuditEntries",
                column: "At");

            migrationBuilder.CreateIndex(
                name: "IX_AuditEntries_Entity_EntityId",
                table: "AuditEntries",
                columns: new[] { "Entity", "EntityId" });

            migrationBuilder.CreateIndex(
                name: "IX_AuditEntries_RegionCode_At",
                table: "AuditEntries",
                columns: new[] { "RegionCode", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_ContractCategoryTarget_ServiceContractId",
                table: "ContractCategoryTarget",
                column: "ServiceContractId");

            migrationBuilder.CreateIndex(
                name: "IX_ContractEvaluation_ServiceContractId_Stage",
                table: "ContractEvaluation",
                columns: new[] { "ServiceContractId", "Stage" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ContractMethodTarget_ServiceContractId",
                table: "ContractMethodTarget",
                column: "ServiceContractId");

            migrationBuilder.CreateIndex(
                name: "IX_ContractStation_RegionCode",
                table: "ContractStation",
                column: "RegionCode");

            migrationBuilder.CreateIndex(
                name: "IX_ContractStation_ServiceContractId",
                table: "ContractStation",
                column: "ServiceContractId");

            migrationBuilder.CreateIndex(
                name: "IX_ContractStation_StationId_ServiceContractId",
                table: "ContractStation",
                columns: new[] { "StationId", "ServiceContractId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Regions_Level_Code",
                table: "Regions",
                columns: new[] { "Level", "Code" });

            migrationBuilder.CreateIndex(
                name: "IX_Regions_Name",
                table: "Regions",
                column: "Name");

            migrationBuilder.CreateIndex(
                name: "IX_Regions_ParentCode",
                table: "Regions",
                column: "ParentCode");

            migrationBuilder.CreateIndex(
                name: "IX_ServiceContracts_AgencyId",
                table: "ServiceContracts",
                column: "AgencyId");

            migrationBuilder.CreateIndex(
                name: "IX_ServiceContracts_RegionCode_Status",
                table: "ServiceContracts",
                columns: new[] { "RegionCode", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_SessionAttendance_SocialWorkerId",
                table: "SessionAttendance",
                column: "SocialWorkerId");

            migrationBuilder.CreateIndex(
                name: "IX_SessionAttendance_StaffSessionId_SocialWorkerId",
                table: "SessionAttendance",
                columns: new[] { "StaffSessionId", "SocialWorkerId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SocialWorkers_AgencyId",
                table: "SocialWorkers",
                column: "AgencyId");

            migrationBuilder.CreateIndex(
                name: "IX_SocialWorkers_PhoneHash",
                table: "SocialWorkers",
                column: "PhoneHash");

            migrationBuilder.CreateIndex(
                name: "IX_SocialWorkers_RegionCode_Status",
                table: "SocialWorkers",
                columns: new[] { "RegionCode", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_SocialWorkers_ResidentStationId",
                table: "SocialWorkers",
                column: "ResidentStationId");

            migrationBuilder.CreateIndex(
                name: "UX_SocialWorkers_IdNumberHash",
                table: "SocialWorkers",
                column: "IdNumberHash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_StaffSessions_OrganiserStationId",
                table: "StaffSessions",
                column: "OrganiserStationId");

            migrationBuilder.CreateIndex(
                name: "IX_StaffSessions_RegionCode_Date",
                table: "StaffSessions",
                columns: new[] { "RegionCode", "Date" });

            migrationBuilder.CreateIndex(
                name: "IX_StationAssignments_SocialWorkerId",
                table: "StationAssignments",
                column: "SocialWorkerId");

            migrationBuilder.CreateIndex(
                name: "IX_StationAssignments_StationId_Role",
                table: "StationAssignments",
                columns: new[] { "StationId", "Role" });

            migrationBuilder.CreateIndex(
                name: "IX_Stations_RegionCode_Level_Status",
                table: "Stations",
                columns: new[] { "RegionCode", "Level", "Status" });

            migrationBuilder.CreateIndex(
                name: "UX_Stations_OneOpenPerRegion",
                table: "Stations",
                column: "RegionCode",
                unique: true,
                filter: "\"Status\" <> 'Closed' AND \"Level\" <> 'VillageRoom'");

            migrationBuilder.CreateIndex(
                name: "IX_StationStatusChanges_StationId",
                table: "StationStatusChanges",
                column: "StationId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AgencyServiceArea");

            migrationBuilder.DropTable(
                name: "AspNetUserClaims");

            migrationBuilder.DropTable(
                name: "AspNetUserLogins");

            migrationBuilder.DropTable(
                name: "AspNetUserTokens");

            migrationBuilder.DropTable(
                name: "AuditEntries");

            migrationBuilder.DropTable(
                name: "ContractCategoryTarget");

            migrationBuilder.DropTable(
                name: "ContractEvaluation");

            migrationBuilder.DropTable(
                name: "ContractMethodTarget");

            migrationBuilder.DropTable(
                name: "ContractStation");

            migrationBuilder.DropTable(
                name: "DataProtectionKeys");

            migrationBuilder.DropTable(
                name: "SessionAttendance");

            migrationBuilder.DropTable(
                name: "StationAssignments");

            migrationBuilder.DropTable(
                name: "StationStatusChanges");

            migrationBuilder.DropTable(
                name: "AspNetUsers");

            migrationBuilder.DropTable(
                name: "ServiceContracts");

            migrationBuilder.DropTable(
                name: "StaffSessions");

            migrationBuilder.DropTable(
                name: "SocialWorkers");

            migrationBuilder.DropTable(
                name: "Agencies");

            migrationBuilder.DropTable(
                name: "Stations");

            migrationBuilder.DropTable(
                name: "Regions");
        }
    }
}
