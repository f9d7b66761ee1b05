"""Application services: what every face (CLI, web, exports) calls.

Each function takes a workspace and `today`, reads input as the user typed it, applies
the domain's rules and returns domain objects or report dataclasses.
"""
