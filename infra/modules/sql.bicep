// Azure SQL logical server with Microsoft Entra-only authentication (no SQL logins, no password anywhere) and
// a General Purpose serverless database that pauses when idle. The app always reaches it through a private endpoint;
// the public endpoint is disabled in prod and, in dev, open only to the named operator addresses. There is never an
// "allow all Azure services" rule: that admits every tenant's resources.

@description('Azure region for the resources.')
param location string

@description('Tags applied to every resource.')
param tags { *: string }

@description('Logical server name (lower-case letters, digits and hyphens).')
param serverName string

@description('Database name.')
param databaseName string

@description('Display name of the Entra administrator (usually a group).')
param administratorLogin string

@description('Object id of the Entra administrator.')
param administratorObjectId string

@description('Kind of principal the Entra administrator is.')
@allowed([
  'Group'
  'User'
  'Application'
])
param administratorPrincipalType string

@description('Disable the public endpoint (prod): only the private endpoint reaches the server.')
param denyPublicTraffic bool

@description('Public IPv4 addresses allowed through the firewall while the public endpoint is on (dev: the operators running migrate).')
param allowedIpAddresses string[]

@description('Subnet for the private endpoint.')
param privateEndpointSubnetId string

@description('Private DNS zone privatelink.database.windows.net.')
param privateDnsZoneId string

@description('Turn on Microsoft Defender for SQL (threat protection).')
param enableDefender bool

@description('Most vCores the serverless database scales up to.')
@allowed([
  1
  2
  4
  6
  8
])
param maxVCores int

@description('Fewest vCores while running (as a string, e.g. \'0.5\').')
param minVCores string

@description('Minutes without activity before the database pauses (-1 never; at least 15).')
param autoPauseDelayMinutes int

@description('Largest database size in GB.')
param maxSizeGB int

@description('Storage redundancy of backups.')
@allowed([
  'Local'
  'Zone'
  'Geo'
])
param backupStorageRedundancy string

@description('Days of point-in-time restore.')
@minValue(1)
@maxValue(35)
param backupRetentionDays int

@description('Log Analytics workspace that receives the SQL audit log.')
param workspaceId string

@description('Put a CanNotDelete lock on the server (and so its database).')
param enableDeleteLock bool

resource server 'Microsoft.Sql/servers@2023-08-01' = {
  name: serverName
  location: location
  tags: tags
  // Lets post-deploy.sh run as a service principal once this identity may read the directory.
  identity: {
    type: 'SystemAssigned'
  }
  properties: {
    version: '12.0'
    minimalTlsVersion: '1.2'
    publicNetworkAccess: denyPublicTraffic ? 'Disabled' : 'Enabled'
    restrictOutboundNetworkAccess: 'Disabled'
    administrators: {
      administratorType: 'ActiveDirectory'
      azureADOnlyAuthentication: true
      login: administratorLogin
      sid: administratorObjectId
      principalType: administratorPrincipalType
      tenantId: subscription().tenantId
    }
  }
}

resource operatorAddresses 'Microsoft.Sql/servers/firewallRules@2023-08-01' = [
  for (address, i) in (denyPublicTraffic ? [] : allowedIpAddresses): {
    parent: server
    name: 'operator-${i}'
    properties: {
      startIpAddress: address
      endIpAddress: address
    }
  }
]

resource threatProtection 'Microsoft.Sql/servers/advancedThreatProtectionSettings@2023-08-01' = if (enableDefender) {
  parent: server
  name: 'Default'
  properties: {
    state: 'Enabled'
  }
}

resource database 'Microsoft.Sql/servers/databases@2023-08-01' = {
  parent: server
  name: databaseName
  location: location
  tags: tags
  sku: {
    name: 'GP_S_Gen5'
    tier: 'GeneralPurpose'
    family: 'Gen5'
    capacity: maxVCores
  }
  properties: {
    autoPauseDelay: autoPauseDelayMinutes
    minCapacity: json(minVCores)
    maxSizeBytes: maxSizeGB * 1024 * 1024 * 1024
    collation: 'SQL_Latin1_General_CP1_CI_AS'
    zoneRedundant: false
    requestedBackupStorageRedundancy: backupStorageRedundancy
  }
}

resource backupRetention 'Microsoft.Sql/servers/databases/backupShortTermRetentionPolicies@2023-08-01' = {
  parent: database
  name: 'default'
  properties: {
    retentionDays: backupRetentionDays
  }
}

// Server-level auditing to Log Analytics: the audit events go through the master database's diagnostic setting.
resource masterDatabase 'Microsoft.Sql/servers/databases@2023-08-01' existing = {
  parent: server
  name: 'master'
}

resource auditDiagnostics 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  scope: masterDatabase
  name: 'audit-to-log-analytics'
  properties: {
    workspaceId: workspaceId
    logs: [
      {
        category: 'SQLSecurityAuditEvents'
        enabled: true
      }
    ]
  }
}

resource auditing 'Microsoft.Sql/servers/auditingSettings@2023-08-01' = {
  parent: server
  name: 'default'
  properties: {
    state: 'Enabled'
    isAzureMonitorTargetEnabled: true
  }
  dependsOn: [
    auditDiagnostics
  ]
}

resource privateEndpoint 'Microsoft.Network/privateEndpoints@2024-05-01' = {
  name: 'pe-${serverName}'
  location: location
  tags: tags
  properties: {
    subnet: {
      id: privateEndpointSubnetId
    }
    privateLinkServiceConnections: [
      {
        name: 'sql'
        properties: {
          privateLinkServiceId: server.id
          groupIds: [
            'sqlServer'
          ]
        }
      }
    ]
  }

  resource dnsZoneGroup 'privateDnsZoneGroups' = {
    name: 'default'
    properties: {
      privateDnsZoneConfigs: [
        {
          name: 'sql'
          properties: {
            privateDnsZoneId: privateDnsZoneId
          }
        }
      ]
    }
  }
}

resource deleteLock 'Microsoft.Authorization/locks@2020-05-01' = if (enableDeleteLock) {
  scope: server
  name: 'perfpipeline-sql-do-not-delete'
  properties: {
    level: 'CanNotDelete'
    notes: 'Holds the warehouse the dashboards and Power BI read.'
  }
}

output serverName string = server.name
output serverFqdn string = server.properties.fullyQualifiedDomainName
output databaseName string = database.name
